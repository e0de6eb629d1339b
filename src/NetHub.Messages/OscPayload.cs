using NetHub.Osc;

namespace NetHub.Messages;

/// <summary>OSC arguments, as received from or destined for an OSC peer.</summary>
public sealed class OscPayload(IReadOnlyList<OscArgument> arguments) : HubPayload
{
    public static OscPayload Empty { get; } = new([]);

    public IReadOnlyList<OscArgument> Arguments { get; } = arguments ?? throw new ArgumentNullException(nameof(arguments));

    public override PayloadKind Kind => PayloadKind.Osc;

    public override string ToString() => string.Join(' ', Arguments);
}
