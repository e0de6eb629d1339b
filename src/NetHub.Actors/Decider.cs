using System.Text;

namespace NetHub.Actors;

/// <summary>
/// Supervision as data: an ordered table from exception type to <see cref="Directive"/>. The first rule
/// whose type is assignable from the thrown exception wins; otherwise <see cref="Otherwise"/> applies.
/// Being data, a decider can be logged, compared and read from configuration.
/// </summary>
public sealed class Decider
{
    private readonly DeciderRule[] _rules;

    public Decider(Directive otherwise, IEnumerable<DeciderRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
        foreach (DeciderRule rule in _rules)
        {
            if (!typeof(Exception).IsAssignableFrom(rule.ExceptionType))
            {
                throw new ArgumentException($"{rule.ExceptionType} is not an exception type", nameof(rules));
            }
        }

        Otherwise = otherwise;
    }

    /// <summary>
    /// Akka's default decider: initialization failures, <see cref="Kill"/> and unhandled
    /// <see cref="Terminated"/> stop the actor; every other exception restarts it.
    /// </summary>
    public static Decider Default { get; } = new(
        Directive.Restart,
        [
            new DeciderRule(typeof(ActorInitializationException), Directive.Stop),
            new DeciderRule(typeof(ActorKilledException), Directive.Stop),
            new DeciderRule(typeof(DeathPactException), Directive.Stop),
        ]);

    /// <summary>Stops on every exception.</summary>
    public static Decider Stopping { get; } = new(Directive.Stop, []);

    public IReadOnlyList<DeciderRule> Rules => _rules;

    public Directive Otherwise { get; }

    public static Decider From(Directive otherwise, params (Type ExceptionType, Directive Directive)[] rules) =>
        new(otherwise, rules.Select(r => new DeciderRule(r.ExceptionType, r.Directive)));

    /// <summary>
    /// The directive for <paramref name="exception"/>. When no rule names an
    /// <see cref="ActorInitializationException"/> itself, its inner exception is decided instead, so a
    /// rule for the real cause (say, a socket error in PreStart) applies at start-up too.
    /// </summary>
    public Directive Decide(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (TryMatch(exception, out Directive directive))
        {
            return directive;
        }

        if (exception is ActorInitializationException { InnerException: { } inner } && TryMatch(inner, out directive))
        {
            return directive;
        }

        return Otherwise;
    }

    private bool TryMatch(Exception exception, out Directive directive)
    {
        Type type = exception.GetType();
        foreach (DeciderRule rule in _rules)
        {
            if (rule.ExceptionType.IsAssignableFrom(type))
            {
                directive = rule.Directive;
                return true;
            }
        }

        directive = Otherwise;
        return false;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("Decider(");
        foreach (DeciderRule rule in _rules)
        {
            sb.Append(rule.ExceptionType.Name).Append(" => ").Append(rule.Directive).Append(", ");
        }

        return sb.Append("otherwise ").Append(Otherwise).Append(')').ToString();
    }
}
