using Microsoft.Extensions.Logging;
using NetHub.Actors;
using NetHub.Configuration;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NetHub.TestKit;

/// <summary>
/// xunit base class: each test gets its own <see cref="ActorSystem"/> on a <see cref="ManualTimeProvider"/>
/// (unless it asks for real time), a default <see cref="TestActor"/> probe, and log capture. When the
/// test ends the system is terminated (bounded) and the test fails if anything logged an error or
/// produced a dead letter that the test did not declare expected.
/// </summary>
public abstract class ActorTestKit : IDisposable
{
    private static int s_systemCounter;

    static ActorTestKit()
    {
        // Tests hold actors inside handlers on purpose; a larger pool floor keeps that from starving
        // the other tests running in parallel on a 2-core machine.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
    private readonly IDisposable _deadLetterSubscription;
    private int _probeCounter;
    private bool _disposed;

    protected ActorTestKit(ITestOutputHelper? output = null, string? config = null, bool manualTime = true, ActorSettings? settings = null)
    {
        Logs = new LogCapture(output);
        Clock = new ManualTimeProvider();
        Time = manualTime ? Clock : TimeProvider.System;
        Config? parsed = config is null ? null : Config.Parse(config, "test config");
        Sys = ActorSystem.Create(
            $"test-{Interlocked.Increment(ref s_systemCounter)}",
            new ActorSystemSetup { Config = parsed, Settings = settings, Time = Time, LoggerFactory = Logs });
        _deadLetterSubscription = Sys.EventStream.Subscribe<DeadLetter>(d => Logs.RecordDeadLetter(d.Message));
        TestActor = CreateTestProbe("testActor");
    }

    protected ActorSystem Sys { get; }

    /// <summary>The manual clock (driving <see cref="Sys"/> unless the test chose real time).</summary>
    protected ManualTimeProvider Clock { get; }

    protected TimeProvider Time { get; }

    protected LogCapture Logs { get; }

    /// <summary>The default probe; convenient as the sender of test messages. Created with the kit, so Props lambdas may read it from any thread.</summary>
    protected TestProbe TestActor { get; }

    protected TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? $"probe-{Interlocked.Increment(ref _probeCounter)}");

    protected static TimeSpan Dilated(TimeSpan span) => TestTime.Dilated(span);

    /// <summary>Waits (bounded, wall clock) for <paramref name="condition"/> to hold.</summary>
    protected static void AwaitCondition(Func<bool> condition, TimeSpan? max = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        TimeSpan limit = max ?? TestTime.DefaultTimeout;
        if (!SpinWait.SpinUntil(condition, limit))
        {
            throw new XunitException($"Condition not met within {limit.TotalMilliseconds:0} ms{(message is null ? string.Empty : ": " + message)}");
        }
    }

    /// <summary>Retries <paramref name="assertion"/> until it passes or the time is up (then rethrows its failure).</summary>
    protected static void AwaitAssert(Action assertion, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        TimeSpan limit = max ?? TestTime.DefaultTimeout;
        long deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        Exception? last = null;
        bool passed = SpinWait.SpinUntil(
            () =>
            {
                try
                {
                    assertion();
                    return true;
                }
                catch (Exception ex) when (Environment.TickCount64 < deadline)
                {
                    last = ex;
                    return false;
                }
            },
            limit);
        if (!passed)
        {
            assertion();
            throw new XunitException($"Assertion did not pass within {limit.TotalMilliseconds:0} ms: {last?.Message}");
        }
    }

    /// <summary>True if <paramref name="task"/> completes within <paramref name="limit"/> (wall clock).</summary>
    protected static bool CompletesWithin(Task task, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        return ((IAsyncResult)task).AsyncWaitHandle.WaitOne(limit ?? TestTime.DefaultTimeout);
    }

    /// <summary>Waits (bounded) for a task and returns its result.</summary>
    protected static T AwaitResult<T>(Task<T> task, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        TimeSpan limit = max ?? TestTime.DefaultTimeout;
        if (!task.Wait(limit))
        {
            throw new XunitException($"Task did not complete within {limit.TotalMilliseconds:0} ms");
        }

        return task.Result;
    }

    /// <summary>Asserts a task faults with <typeparamref name="TException"/> within the wait limit.</summary>
    protected static TException AwaitFailure<TException>(Task task, TimeSpan? max = null)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(task);
        TimeSpan limit = max ?? TestTime.DefaultTimeout;
        try
        {
            if (!task.Wait(limit))
            {
                throw new XunitException($"Task did not complete within {limit.TotalMilliseconds:0} ms");
            }
        }
        catch (AggregateException ex) when (ex.InnerException is TException expected)
        {
            return expected;
        }

        throw new XunitException($"Expected {typeof(TException).Name} but the task {task.Status}");
    }

    /// <summary>Terminates the system (bounded) and returns the time it took on the wall clock.</summary>
    protected TimeSpan Shutdown()
    {
        long start = Environment.TickCount64;
        Task done = Sys.Terminate();
        if (!done.Wait(TestTime.DefaultTimeout) && ReferenceEquals(Time, Clock))
        {
            // The shutdown deadline runs on the manual clock: let it pass.
            Clock.Advance(Sys.Settings.ShutdownTimeout);
        }

        if (!done.Wait(TestTime.DefaultTimeout))
        {
            throw new XunitException($"{Sys.Name} did not terminate");
        }

        return TimeSpan.FromMilliseconds(Environment.TickCount64 - start);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        _deadLetterSubscription.Dispose();
        Shutdown();
        IReadOnlyList<string> problems = Logs.Verify();
        if (problems.Count > 0)
        {
            throw new XunitException("The test left problems in the log:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }

    /// <summary>Declares errors logged with <paramref name="level"/> or above whose message contains <paramref name="fragment"/> as expected.</summary>
    protected void ExpectErrorLog(string fragment, LogLevel level = LogLevel.Error) =>
        Logs.ExpectErrors(e => e.Level >= level && e.Message.Contains(fragment, StringComparison.Ordinal));
}
