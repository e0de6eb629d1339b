using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Sdk;

namespace NetHub.TestKit;

/// <summary>
/// A real program as a test peer (oscdump, the nethub executable): its output lines can be awaited
/// with a deadline, it can be signalled like a service manager would, and disposing kills it if it is
/// still running, so no process outlives its test.
/// </summary>
public sealed class ExternalProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _all = new();

    private ExternalProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>Everything printed so far, stdout and stderr interleaved as received.</summary>
    public string Output => string.Join(Environment.NewLine, _all);

    public IReadOnlyList<string> Lines => [.. _all];

    public static ExternalProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new ExternalProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}"));
    }

    /// <summary>Waits (bounded) for the next output line containing <paramref name="fragment"/>; earlier lines are skipped.</summary>
    public string WaitForLine(string fragment, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? TestTime.DefaultTimeout;
        long deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        while (true)
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0 || !_lines.TryTake(out string? line, TimeSpan.FromMilliseconds(left)))
            {
                throw new XunitException($"{_process.StartInfo.FileName} did not print '{fragment}' within {limit.TotalSeconds:0.#} s. Output so far:{Environment.NewLine}{Output}");
            }

            if (line.Contains(fragment, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    /// <summary>Sends a POSIX signal (TERM, INT) as a service manager or a terminal would.</summary>
    public void Signal(string signal)
    {
        using Process kill = Process.Start("kill", $"-{signal} {_process.Id}") ?? throw new InvalidOperationException("kill not found");
        kill.WaitForExit();
    }

    /// <summary>The exit code, or null if it is still running after <paramref name="timeout"/>.</summary>
    public int? WaitForExit(TimeSpan? timeout = null)
    {
        if (!_process.WaitForExit(timeout ?? TestTime.DefaultTimeout))
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
        try
        {
            _lines.Add(line);
        }
        catch (ObjectDisposedException)
        {
            // Output after the test finished with the process.
        }
    }
}
