namespace NetHub.Messages;

/// <summary>
/// What a <see cref="HubMessage"/> carries: OSC arguments, text, bytes or JSON. Conversion between the
/// kinds is defined in one place, <see cref="PayloadConvert"/>.
/// </summary>
public abstract class HubPayload
{
    private protected HubPayload()
    {
    }

    public abstract PayloadKind Kind { get; }
}
