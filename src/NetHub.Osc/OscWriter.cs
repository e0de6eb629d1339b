using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace NetHub.Osc;

/// <summary>
/// Writes OSC 1.0 messages into spans sized beforehand (so no bounds are re-checked per atom and nothing is
/// allocated):
/// <code>
/// message  = address-string type-tag-string argument*
/// string   = UTF-8 bytes, NUL, NUL* (to a multiple of 4)     ("OSC-string")
/// tags     = ',' tag* NUL, NUL*                               ("OSC Type Tag String")
/// argument = int32 | float32 | string | blob | int64 | timetag | float64 | 4-byte c/r/m   (big-endian)
/// blob     = int32 size, bytes, 0 to 3 zero bytes             ("OSC-blob")
/// </code>
/// Arrays contribute '[' ... ']' to the tags and their items' data in line; T F N I carry no data.
/// </summary>
internal static class OscWriter
{
    /// <summary>Tags an argument list needs, brackets included, without the leading ','.</summary>
    public static int CountTags(ReadOnlySpan<OscArgument> arguments)
    {
        int count = arguments.Length;
        foreach (ref readonly OscArgument argument in arguments)
        {
            if (argument.Type == OscType.ArrayBegin)
            {
                count += 1 + CountTags(argument.Items);
            }
        }

        return count;
    }

    public static int DataSize(ReadOnlySpan<OscArgument> arguments)
    {
        int size = 0;
        foreach (ref readonly OscArgument argument in arguments)
        {
            size += DataSize(in argument);
        }

        return size;
    }

    /// <summary>Blobs among the arguments, those inside arrays included.</summary>
    public static int CountBlobs(ReadOnlySpan<OscArgument> arguments)
    {
        int count = 0;
        foreach (ref readonly OscArgument argument in arguments)
        {
            count += argument.Type switch
            {
                OscType.Blob => 1,
                OscType.ArrayBegin => CountBlobs(argument.Items),
                _ => 0,
            };
        }

        return count;
    }

    /// <summary>
    /// Fills <paramref name="blobs"/> from index <paramref name="found"/> on with each blob in wire order and where
    /// its content starts, the arguments' data starting at <paramref name="position"/>; returns where the data ends.
    /// </summary>
    public static int FindBlobs(ReadOnlySpan<OscArgument> arguments, int position, Span<BlobField> blobs, ref int found)
    {
        foreach (ref readonly OscArgument argument in arguments)
        {
            if (argument.Type == OscType.Blob)
            {
                blobs[found++] = new BlobField(argument, position + 4);
            }
            else if (argument.Type == OscType.ArrayBegin)
            {
                position = FindBlobs(argument.Items, position, blobs, ref found);
                continue;
            }

            position += DataSize(in argument);
        }

        return position;
    }

    public static int HeaderSize(int addressByteCount, int tagCount) =>
        OscWire.StringSize(addressByteCount) + OscWire.StringSize(tagCount + 1);

    /// <summary>Address and type tag string; returns the bytes written.</summary>
    public static int WriteHeader(Span<byte> destination, string address, int addressByteCount, ReadOnlySpan<OscArgument> arguments, int tagCount)
    {
        int position = WriteString(destination, address, addressByteCount);
        int tagsSize = OscWire.StringSize(tagCount + 1);
        Span<byte> tags = destination.Slice(position, tagsSize);
        tags[0] = (byte)',';
        int end = 1 + WriteTags(tags[1..], arguments);
        tags[end..].Clear();
        return position + tagsSize;
    }

    /// <summary>Argument data in tag order; returns the bytes written.</summary>
    public static int WriteData(Span<byte> destination, ReadOnlySpan<OscArgument> arguments)
    {
        int position = 0;
        foreach (ref readonly OscArgument argument in arguments)
        {
            switch (argument.Type)
            {
                case OscType.Int32:
                case OscType.Float32:
                case OscType.Char:
                case OscType.Rgba:
                case OscType.Midi:
                    BinaryPrimitives.WriteInt32BigEndian(destination[position..], (int)argument.Bits);
                    position += 4;
                    break;
                case OscType.Int64:
                case OscType.TimeTag:
                case OscType.Float64:
                    BinaryPrimitives.WriteInt64BigEndian(destination[position..], argument.Bits);
                    position += 8;
                    break;
                case OscType.String:
                case OscType.Symbol:
                    position += WriteString(destination[position..], argument.Text!, argument.Utf8ByteCount);
                    break;
                case OscType.Blob:
                    position += WriteBlob(destination[position..], argument.BlobSpan);
                    break;
                case OscType.ArrayBegin:
                    position += WriteData(destination[position..], argument.Items);
                    break;
                default:
                    break;
            }
        }

        return position;
    }

    /// <summary>
    /// Checks an address before it is sent: it must start with '/' and hold no control character, space or DEL
    /// (receivers split on them). Pattern characters are allowed: a sender may address many methods at once.
    /// </summary>
    public static void ValidateAddress(string address, string paramName)
    {
        ArgumentNullException.ThrowIfNull(address, paramName);
        ReadOnlySpan<char> text = address;
        if (text.IsEmpty || text[0] != '/')
        {
            throw new ArgumentException("An OSC address starts with '/'.", paramName);
        }

        if (text.IndexOfAny(OscWire.AddressForbiddenChars) >= 0)
        {
            throw new ArgumentException("An OSC address cannot contain control characters, spaces or DEL.", paramName);
        }
    }

    /// <summary>A blob argument and the offset of its content (after the size field) in an encoded message.</summary>
    internal readonly record struct BlobField(OscArgument Argument, int Offset);

    private static int DataSize(in OscArgument argument) => argument.Type switch
    {
        OscType.Int32 or OscType.Float32 or OscType.Char or OscType.Rgba or OscType.Midi => 4,
        OscType.Int64 or OscType.TimeTag or OscType.Float64 => 8,
        OscType.String or OscType.Symbol => OscWire.StringSize(argument.Utf8ByteCount),
        OscType.Blob => 4 + OscWire.Pad(argument.BlobLength),
        OscType.ArrayBegin => DataSize(argument.Items),
        _ => 0,
    };

    private static int WriteTags(Span<byte> destination, ReadOnlySpan<OscArgument> arguments)
    {
        int position = 0;
        foreach (ref readonly OscArgument argument in arguments)
        {
            OscType type = argument.Type;
            destination[position++] = (byte)type;
            if (type == OscType.ArrayBegin)
            {
                position += WriteTags(destination[position..], argument.Items);
                destination[position++] = (byte)OscType.ArrayEnd;
            }
        }

        return position;
    }

    private static int WriteString(Span<byte> destination, string text, int byteCount)
    {
        int size = OscWire.StringSize(byteCount);
        Span<byte> field = destination[..size];

        // The terminator and padding all lie in the last word: zero it first and let the text overwrite its start.
        BinaryPrimitives.WriteInt32LittleEndian(field[^4..], 0);

        // Equal counts mean every character is ASCII, and the ASCII narrowing is about twice as fast as UTF-8.
        if (byteCount != text.Length || Ascii.FromUtf16(text, field, out _) != OperationStatus.Done)
        {
            Encoding.UTF8.GetBytes(text, field);
        }

        return size;
    }

    private static int WriteBlob(Span<byte> destination, ReadOnlySpan<byte> content)
    {
        int size = 4 + OscWire.Pad(content.Length);
        Span<byte> field = destination[..size];
        BinaryPrimitives.WriteInt32BigEndian(field, content.Length);

        // Padding lies in the last word, as for strings; an empty blob is just its size field.
        if (!content.IsEmpty)
        {
            BinaryPrimitives.WriteInt32LittleEndian(field[^4..], 0);
            content.CopyTo(field[4..]);
        }

        return size;
    }
}
