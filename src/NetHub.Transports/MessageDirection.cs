namespace NetHub.Transports;

public enum MessageDirection
{
    In,
    Out,
}
