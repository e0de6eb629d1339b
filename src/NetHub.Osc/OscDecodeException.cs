namespace NetHub.Osc;

/// <summary>Thrown by <see cref="OscCodec.Decode"/> for a packet the <c>Try*</c> readers reject; the message is <see cref="OscError.Describe"/>.</summary>
public sealed class OscDecodeException : Exception
{
    public OscDecodeException()
    {
    }

    public OscDecodeException(string message)
        : base(message)
    {
    }

    public OscDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OscDecodeException(OscError error)
        : base(error.Describe())
    {
        Error = error;
    }

    public OscError Error { get; }

    public OscErrorReason Reason => Error.Reason;

    public int Offset => Error.Offset;
}
