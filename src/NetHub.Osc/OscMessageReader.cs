using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetHub.Osc;

/// <summary>
/// Reads one OSC message (OSC 1.0 "OSC Messages") straight from its bytes without allocating.
/// <see cref="TryRead"/> checks the whole packet first (sizes, padding, tags, limits), so the argument walk
/// afterwards cannot fail. Arguments come as tokens in tag order; an array gives an
/// <see cref="OscType.ArrayBegin"/> token, its items, then an <see cref="OscType.ArrayEnd"/> token.
/// </summary>
public ref struct OscMessageReader
{
    private readonly ReadOnlySpan<byte> _packet;
    private readonly int _addressLength;
    private readonly int _tagStart;
    private readonly int _tagEnd;
    private readonly int _dataStart;
    private int _tagPosition;
    private int _dataPosition;

    private OscMessageReader(ReadOnlySpan<byte> packet, OscValidator.MessageLayout layout)
    {
        _packet = packet;
        _addressLength = layout.AddressLength;
        _tagStart = layout.TagStart;
        _tagEnd = layout.TagEnd;
        _dataStart = layout.DataStart;
        HasTypeTagString = layout.HasTypeTagString;
        _tagPosition = _tagStart;
        _dataPosition = _dataStart;
    }

    /// <summary>The address pattern's bytes, without the NUL.</summary>
    public readonly ReadOnlySpan<byte> Address => _packet[.._addressLength];

    /// <summary>The type tags without ','; empty when the message had no type tag string.</summary>
    public readonly ReadOnlySpan<byte> TypeTags => _packet[_tagStart.._tagEnd];

    /// <summary>False for an old-style message that ends after its address (tolerated, with no arguments).</summary>
    public readonly bool HasTypeTagString { get; }

    /// <summary>
    /// Checks <paramref name="packet"/> as a message and positions the reader before its first argument.
    /// Returns <see cref="OperationStatus.Done"/> or <see cref="OperationStatus.InvalidData"/>, never
    /// <see cref="OperationStatus.NeedMoreData"/>: a packet is complete by definition. Never throws.
    /// </summary>
    public static OperationStatus TryRead(ReadOnlySpan<byte> packet, OscLimits limits, out OscMessageReader reader, out OscError error)
    {
        limits ??= OscLimits.Default;
        if (OscValidator.TryValidateMessage(packet, limits, 0, out OscValidator.MessageLayout layout, out error))
        {
            reader = new OscMessageReader(packet, layout);
            return OperationStatus.Done;
        }

        reader = default;
        return OperationStatus.InvalidData;
    }

    /// <summary>
    /// A reader over a message that <see cref="OscValidator"/> already accepted (an element of a checked bundle):
    /// the layout is found again, without the checks. OSC-strings are terminated within the span, so the searches
    /// below cannot fail.
    /// </summary>
    internal static OscMessageReader FromValidated(ReadOnlySpan<byte> packet)
    {
        ReadOnlySpan<uint> words = MemoryMarshal.Cast<byte, uint>(packet);
        int position = OscWire.CheckedEnd(words, 0, out int addressLength);
        if (position == packet.Length)
        {
            return new OscMessageReader(packet, new OscValidator.MessageLayout(addressLength, position, position, position, HasTypeTagString: false));
        }

        int dataStart = OscWire.CheckedEnd(words, position >> 2, out int tagEnd);
        return new OscMessageReader(packet, new OscValidator.MessageLayout(addressLength, position + 1, tagEnd, dataStart, HasTypeTagString: true));
    }

    /// <summary>The next token, or false after the last one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadNext(out OscArgumentView argument)
    {
        // Inlined into the caller's loop whole, the string search included: with no call taking the token as an
        // out argument, it stays in registers and the caller's type switch folds with the getters' type checks.
        int tagPosition = _tagPosition;
        if (tagPosition >= _tagEnd)
        {
            argument = default;
            return false;
        }

        ReadOnlySpan<byte> packet = _packet;
        byte tag = packet[tagPosition];
        int offset = _dataPosition;
        int start = offset;
        int length = OscWire.DataSize(tag);
        int next = offset + length;
        if (length < 0)
        {
            // s, S or b: a blob's length is its size field, a string's ends at its NUL (both checked by TryRead).
            if (tag == (byte)'b')
            {
                length = BinaryPrimitives.ReadInt32BigEndian(packet[offset..]);
                start = offset + 4;
                next = start + OscWire.Pad(length);
            }
            else
            {
                next = OscWire.CheckedEnd(MemoryMarshal.Cast<byte, uint>(packet), offset >> 2, out int nul);
                length = nul - offset;
            }
        }

        _tagPosition = tagPosition + 1;
        _dataPosition = next;
        argument = new OscArgumentView((OscType)tag, offset, packet.Slice(start, length));
        return true;
    }

    /// <summary>
    /// How many tokens <see cref="TryReadNext"/> will give before the end of the message or the ']' closing the current
    /// array, counting a nested array as one: what a decoder needs to size its array once.
    /// </summary>
    internal readonly int ItemsAhead()
    {
        int count = 0;
        int depth = 0;
        foreach (byte tag in _packet[_tagPosition.._tagEnd])
        {
            if (tag == (byte)']')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else
            {
                count += depth == 0 ? 1 : 0;
                depth += tag == (byte)'[' ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>Back to before the first argument.</summary>
    public void Reset()
    {
        _tagPosition = _tagStart;
        _dataPosition = _dataStart;
    }
}
