namespace NetHub.Messages;

public sealed class TextPayload(string text) : HubPayload
{
    public string Text { get; } = text ?? throw new ArgumentNullException(nameof(text));

    public override PayloadKind Kind => PayloadKind.Text;

    public override string ToString() => Text;
}
