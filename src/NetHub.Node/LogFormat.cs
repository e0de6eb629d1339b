namespace NetHub.Node;

public enum LogFormat
{
    Simple,
    Json,
}
