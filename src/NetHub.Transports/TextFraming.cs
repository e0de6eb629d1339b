namespace NetHub.Transports;

/// <summary>
/// How a text endpoint cuts a byte stream into messages and ends the messages it sends. Show devices
/// and TouchDesigner scripts mostly speak newline-ended lines (JSON lines, <c>CMD:GO</c>, CSV,
/// key=value); TouchDesigner's UDP Out DAT ends strings with a zero byte; some devices send one
/// message per write with no terminator at all.
/// </summary>
public enum TextFraming
{
    /// <summary>LF ends a message; a CR just before it is dropped, so CR LF senders work too. Sending appends "\n".</summary>
    Line,

    /// <summary>A zero byte ends a message. Sending appends a zero byte.</summary>
    Nul,

    /// <summary>Each datagram or each read from the connection is one message. Sending appends nothing.</summary>
    None,
}
