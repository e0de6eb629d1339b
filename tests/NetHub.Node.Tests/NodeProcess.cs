using System.Collections.Concurrent;
using System.Diagnostics;

namespace NetHub.Node.Tests;

/// <summary>
/// The real <c>nethub</c> executable in a child process, for tests of what a technician sees: its
/// output lines, its exit code, its reaction to signals. Disposing kills it if it is still running.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _all = new();

    private NodeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output => string.Join(Environment.NewLine, _all);

    public static NodeProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nethub.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NETHUB_NODE_NAME"] = "test-node";
        return new NodeProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start nethub"));
    }

    /// <summary>Waits (bounded) for an output line containing <paramref name="fragment"/>.</summary>
    public string WaitForLine(string fragment, TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0 || !_lines.TryTake(out string? line, TimeSpan.FromMilliseconds(left)))
            {
                throw new Xunit.Sdk.XunitException($"nethub did not print '{fragment}' within {timeout.TotalSeconds:0} s. Output so far:{Environment.NewLine}{Output}");
            }

            if (line.Contains(fragment, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    /// <summary>Sends a POSIX signal (TERM, INT) the way a service manager or a terminal would.</summary>
    public void Signal(string signal)
    {
        using Process kill = Process.Start("kill", $"-{signal} {_process.Id}") ?? throw new InvalidOperationException("kill not found");
        kill.WaitForExit();
    }

    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return null;
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        _lines.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _all.Enqueue(line);
        if (!_lines.IsAddingCompleted)
        {
            _lines.Add(line);
        }
    }
}
