using System.CommandLine;
using System.Reflection;
using Microsoft.Extensions.Hosting;
using NetHub.Configuration;

namespace NetHub.Node;

/// <summary>
/// The <c>nethub</c> command line. Exit codes: 0 success, 1 the node failed while running (or, for the control
/// commands, the node refused the command), 2 the configuration or the command line was refused (with a one-line
/// reason on stderr), 3 a control command found no node to talk to.
/// </summary>
public static class NodeCli
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitBadConfig = 2;

    /// <summary>The version and, when built from a git checkout, the commit ("0.1.0+be4f548..."): what --version prints.</summary>
    public static string Version { get; } =
        typeof(NodeCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Parses and runs <paramref name="args"/>; output goes to the given writers (the console by default).</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        RootCommand root = Build();
        var invocation = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,

            // The host's console lifetime handles Ctrl+C and SIGTERM and runs the ordered shutdown;
            // the parser must not cut it short.
            ProcessTerminationTimeout = null,
        };
        return root.Parse(args).InvokeAsync(invocation);
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("NetHub: one node per show machine. Bridges show-control protocols, fires cues, finds its peers.");
        root.Subcommands.Add(BuildRun());
        root.Subcommands.Add(BuildConfig());
        root.Subcommands.Add(OscCli.Build());
        foreach (Command command in ControlCli.Build())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static Option<string[]> ConfigOption() => new("--config", "-c")
    {
        Description = "HOCON configuration file; repeat to layer files (later ones win). Default: nethub.conf next to the executable.",
        HelpName = "FILE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Option<string[]> SetOption() => new("--set", "-s")
    {
        Description = "Override one setting, e.g. --set nethub.node.name=stage-left; repeatable, applied after the files.",
        HelpName = "KEY=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Command BuildRun()
    {
        Option<string[]> config = ConfigOption();
        Option<string[]> set = SetOption();
        var run = new Command("run", "Run a node in the foreground until Ctrl+C or SIGTERM, then stop it cleanly.")
        {
            config,
            set,
        };
        run.SetAction(async (parse, _) =>
        {
            TextWriter error = parse.InvocationConfiguration.Error;
            string[] files = parse.GetValue(config) ?? [];
            bool usingDefault = files.Length == 0;
            if (usingDefault)
            {
                files = File.Exists(NodeConfiguration.DefaultFile) ? [NodeConfiguration.DefaultFile] : [];
            }

            if (!TryLoad(files, parse.GetValue(set) ?? [], error, out NodeConfiguration? configuration))
            {
                return ExitBadConfig;
            }

            try
            {
                using IHost host = NodeHost.Build(configuration);
                await host.RunAsync(CancellationToken.None).ConfigureAwait(false);
                return ExitOk;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                await error.WriteLineAsync($"nethub: the node failed: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
                return ExitFailed;
            }
        });
        return run;
    }

    private static Command BuildConfig()
    {
        var file = new Argument<string>("FILE") { Description = "The HOCON file to check." };
        Option<string[]> set = SetOption();
        var check = new Command("check", "Validate a configuration file over the built-in defaults and print the resolved configuration.")
        {
            file,
            set,
        };
        check.SetAction(parse =>
        {
            if (!TryLoad([parse.GetValue(file)!], parse.GetValue(set) ?? [], parse.InvocationConfiguration.Error, out NodeConfiguration? configuration))
            {
                return ExitBadConfig;
            }

            TextWriter output = parse.InvocationConfiguration.Output;
            output.Write(configuration.Config.Render());
            output.WriteLine($"# OK: {string.Join(", ", configuration.Sources)} is valid (node '{configuration.Node.Name}')");
            return ExitOk;
        });
        return new Command("config", "Work with configuration files.") { check };
    }

    private static bool TryLoad(string[] files, string[] overrides, TextWriter error, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NodeConfiguration? configuration)
    {
        try
        {
            configuration = NodeConfiguration.Load(files, overrides);
            return true;
        }
        catch (ConfigException ex)
        {
            error.WriteLine($"nethub: configuration refused: {ex.Message}");
            configuration = null;
            return false;
        }
    }
}
