using NetHub.TestKit;

namespace NetHub.Node.Tests;

/// <summary>The real <c>nethub</c> executable in a child process, named "test-node".</summary>
internal static class NodeProcess
{
    public static ExternalProcess Start(params string[] args) => StartIn(workingDirectory: null, args);

    /// <summary>As <see cref="Start"/>, in <paramref name="workingDirectory"/> (where relative paths such as a snapshot file land).</summary>
    public static ExternalProcess StartIn(string? workingDirectory, params string[] args) =>
        ExternalProcess.Start(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "nethub.dll"), .. args],
            new Dictionary<string, string>
            {
                ["NETHUB_NODE_NAME"] = "test-node",
                // Each test node's control API on a free port, so tests run side by side and beside a real node.
                ["NETHUB_CONTROL_BIND"] = "127.0.0.1:0",
            },
            workingDirectory);
}
