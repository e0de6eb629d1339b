namespace NetHub.Actors;

/// <summary>
/// Lets a thread that belongs to no actor (an endpoint's socket receive loop) run the actors it wakes itself,
/// instead of handing each to the thread pool and waiting for a pool thread to wake up: on a quiet show network
/// that wake-up is most of the time a message spends in the node.
/// </summary>
/// <remarks>
/// <para>
/// Only actors whose <see cref="Props.RunsOnSender"/> is set are run this way, and only when they are idle: a
/// message to a busy actor queues as usual, and its run carries on wherever it is. The run is the same mailbox run a
/// pool thread would make (one actor turn at a time, the system queue first, at most the dispatcher's throughput
/// quantum); what is left after it goes back to the pool, so a receive loop never ends up working through an
/// actor's backlog.
/// </para>
/// <para>
/// Inside <see cref="Begin"/>'s scope the actors woken are only claimed (marked as running, so nothing else
/// schedules them); they run when the scope ends, once, for everything the thread told them in the scope. A receive
/// loop wraps each batch of datagrams in a scope, so the router sees the batch as one run. Actors those runs wake
/// may run on the thread too, <see cref="MaxDepth"/> deep at most; past that, and on every other thread (pool
/// threads included), telling an actor schedules it on its dispatcher as usual.
/// </para>
/// </remarks>
public static class InlineRuns
{
    /// <summary>
    /// How many actor runs may nest on a thread: the router, an endpoint's backoff supervisor it sends to, and the
    /// endpoint the supervisor forwards to.
    /// </summary>
    public const int MaxDepth = 3;

    [ThreadStatic]
    private static int t_depth;

    [ThreadStatic]
    private static bool t_running;

    [ThreadStatic]
    private static bool t_claiming;

    [ThreadStatic]
    private static List<Mailbox>? t_claimed;

    /// <summary>How many actor runs this thread is inside through <see cref="InlineRuns"/>: 0 outside them (pool threads).</summary>
    public static int CurrentDepth => t_depth;

    /// <summary>
    /// Starts a scope on this thread in which actors told a message are claimed, to run on this thread when the scope
    /// is disposed. Scopes do not nest; one begun inside another (or inside an actor's run) has no effect.
    /// </summary>
    public static Scope Begin()
    {
        if (t_claiming || t_running)
        {
            return default;
        }

        t_claiming = true;
        return new Scope(true);
    }

    /// <summary>
    /// Called with a mailbox just marked scheduled: true if this thread takes the run (claims it, or runs it now),
    /// false if the caller must hand it to its dispatcher.
    /// </summary>
    internal static bool TryTake(Mailbox mailbox)
    {
        if (t_claiming)
        {
            (t_claimed ??= []).Add(mailbox);
            return true;
        }

        if (!t_running || t_depth >= MaxDepth)
        {
            return false;
        }

        RunHere(mailbox);
        return true;
    }

    private static void RunHere(Mailbox mailbox)
    {
        t_depth++;
        try
        {
            mailbox.Run();
        }
        finally
        {
            t_depth--;
        }
    }

    /// <summary>The scope of <see cref="Begin"/>; disposing it runs what it claimed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly bool _active;

        internal Scope(bool active) => _active = active;

        public void Dispose()
        {
            if (!_active)
            {
                return;
            }

            t_claiming = false;
            List<Mailbox>? claimed = t_claimed;
            if (claimed is null || claimed.Count == 0)
            {
                return;
            }

            // Every claimed mailbox must run: it is marked scheduled, so nothing else would. Mailbox.Run reports an
            // actor's failure to its supervisor and never throws; the depth is restored by RunHere either way.
            t_running = true;
            try
            {
                for (int i = 0; i < claimed.Count; i++)
                {
                    RunHere(claimed[i]);
                }
            }
            finally
            {
                claimed.Clear();
                t_running = false;
            }
        }
    }
}
