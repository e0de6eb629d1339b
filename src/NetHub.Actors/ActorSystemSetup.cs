using Microsoft.Extensions.Logging;
using NetHub.Configuration;

namespace NetHub.Actors;

/// <summary>What an <see cref="ActorSystem"/> is built from. Anything left null gets its default.</summary>
public sealed record ActorSystemSetup
{
    /// <summary>The node's configuration; <c>nethub.actors</c> is read from it (reference.conf fills gaps).</summary>
    public Config? Config { get; init; }

    /// <summary>Typed settings; when set, <see cref="Config"/> is not read.</summary>
    public ActorSettings? Settings { get; init; }

    /// <summary>The clock for timers, the scheduler, ask timeouts and the shutdown deadline.</summary>
    public TimeProvider? Time { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }
}
