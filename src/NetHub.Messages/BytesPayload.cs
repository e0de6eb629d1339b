namespace NetHub.Messages;

public sealed class BytesPayload(ReadOnlyMemory<byte> bytes) : HubPayload
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public override PayloadKind Kind => PayloadKind.Bytes;

    public override string ToString() => $"{Bytes.Length} bytes";
}
