namespace NetHub.Messages;

public enum PayloadKind
{
    Osc,
    Text,
    Bytes,
    Json,
}
