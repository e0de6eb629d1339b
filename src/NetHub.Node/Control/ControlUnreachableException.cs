namespace NetHub.Node.Control;

/// <summary>No node answered at the control URL (nothing listening, no answer in time): the CLI prints the message and exits 3.</summary>
public sealed class ControlUnreachableException : Exception
{
    public ControlUnreachableException()
    {
    }

    public ControlUnreachableException(string message)
        : base(message)
    {
    }

    public ControlUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
