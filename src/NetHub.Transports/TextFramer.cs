namespace NetHub.Transports;

/// <summary>Receives one message cut from a stream or datagram (the span is only valid during the call).</summary>
internal delegate void TextMessageHandler(ReadOnlySpan<byte> message);

/// <summary>
/// Cuts text messages out of a byte stream by <see cref="TextFraming"/>. It holds at most one partial
/// message of max-message bytes: a message that grows beyond that is reported once as too long and
/// skipped up to its terminator as the rest streams in, so one runaway sender costs a counter, not the
/// connection or unbounded memory. Empty messages (blank lines, a bare CR LF keep-alive) are skipped.
/// One instance per stream; not thread-safe.
/// </summary>
internal sealed class TextFramer
{
    private readonly TextFraming _framing;
    private readonly int _max;
    private readonly int _holdLimit;
    private readonly byte _terminator;
    private readonly TextMessageHandler _onMessage;
    private readonly Action _onTooLong;
    private byte[] _pending = [];
    private int _pendingLength;
    private bool _discarding;

    public TextFramer(TextFraming framing, int maxMessage, TextMessageHandler onMessage, Action onTooLong)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessage, 1);
        _framing = framing;
        _max = maxMessage;

        // A line may carry one CR more than the limit; it is dropped before the length is judged.
        _holdLimit = framing == TextFraming.Line ? maxMessage + 1 : maxMessage;
        _terminator = framing == TextFraming.Nul ? (byte)0 : (byte)'\n';
        _onMessage = onMessage;
        _onTooLong = onTooLong;
    }

    /// <summary>The bytes that end a message of this framing when sending.</summary>
    public static ReadOnlySpan<byte> Terminator(TextFraming framing) => framing switch
    {
        TextFraming.Line => "\n"u8,
        TextFraming.Nul => [0],
        _ => [],
    };

    /// <summary>Feeds received bytes; complete messages are handed out in order.</summary>
    public void Push(ReadOnlySpan<byte> data)
    {
        if (_framing == TextFraming.None)
        {
            Complete(data);
            return;
        }

        while (!data.IsEmpty)
        {
            int end = data.IndexOf(_terminator);
            if (end < 0)
            {
                Hold(data);
                return;
            }

            ReadOnlySpan<byte> part = data[..end];
            data = data[(end + 1)..];
            if (_discarding)
            {
                // The tail of a message already reported as too long.
                _discarding = false;
            }
            else if (_pendingLength == 0)
            {
                Complete(part);
            }
            else if (_pendingLength + part.Length > _holdLimit)
            {
                _pendingLength = 0;
                _onTooLong();
            }
            else
            {
                Append(part);
                int length = _pendingLength;
                _pendingLength = 0;
                Complete(_pending.AsSpan(0, length));
            }
        }
    }

    /// <summary>
    /// The stream or datagram ended: a held partial message is handed out as it is (a sender that
    /// closes without a final newline still gets its last line through), and the state is reset.
    /// </summary>
    public void Flush()
    {
        int length = _pendingLength;
        bool discarding = _discarding;
        _pendingLength = 0;
        _discarding = false;
        if (!discarding && length > 0)
        {
            Complete(_pending.AsSpan(0, length));
        }
    }

    private void Hold(ReadOnlySpan<byte> data)
    {
        if (_discarding)
        {
            return;
        }

        if (_pendingLength + data.Length > _holdLimit)
        {
            _pendingLength = 0;
            _discarding = true;
            _onTooLong();
            return;
        }

        Append(data);
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        int needed = _pendingLength + data.Length;
        if (needed > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Min(_holdLimit, Math.Max(needed, Math.Max(256, _pending.Length * 2))));
        }

        data.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength = needed;
    }

    private void Complete(ReadOnlySpan<byte> message)
    {
        if (_framing == TextFraming.Line && !message.IsEmpty && message[^1] == (byte)'\r')
        {
            message = message[..^1];
        }

        if (message.Length > _max)
        {
            _onTooLong();
        }
        else if (!message.IsEmpty)
        {
            _onMessage(message);
        }
    }
}
