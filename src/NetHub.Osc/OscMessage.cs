using System.Text;

namespace NetHub.Osc;

/// <summary>
/// An OSC message (OSC 1.0 "OSC Messages"): an address (or address pattern) and typed arguments. Immutable; a message
/// built here is encoded once at construction, so sending it copies those bytes and refreshes only the blobs' contents
/// (a blob refers to its owner's memory, which may change between sends). A decoded message is encoded only if it is
/// sent or its type tags are asked for: most received messages never are, and a receiver should not pay for it.
/// </summary>
public sealed class OscMessage : OscPacket, IEquatable<OscMessage>
{
    private readonly OscArgumentList _arguments;

    // The encoded form; made at construction for a built message, on first use for a decoded one.
    private Encoded? _encoded;

    /// <exception cref="ArgumentException">The address does not start with '/' or holds a control character, space or DEL.</exception>
    public OscMessage(string address, params OscArgument[] arguments)
        : this(address, Copy(arguments))
    {
    }

    /// <exception cref="ArgumentException">The address does not start with '/' or holds a control character, space or DEL.</exception>
    public OscMessage(string address, IReadOnlyList<OscArgument> arguments)
        : this(address, Copy(arguments))
    {
    }

    private OscMessage(string address, OscArgumentList arguments)
    {
        OscWriter.ValidateAddress(address, nameof(address));
        Address = address;
        _arguments = arguments;
        _encoded = new Encoded(address, arguments.Span);
    }

    /// <summary>A decoded message: the decoder checked the address and owns the arguments; encoded on first use.</summary>
    private OscMessage(OscArgumentList arguments, string address)
    {
        Address = address;
        _arguments = arguments;
    }

    public string Address { get; }

    public IReadOnlyList<OscArgument> Arguments => _arguments;

    /// <summary>The type tags without the leading ',', e.g. "ifs" or "i[ff]s".</summary>
    public string TypeTags => Image.TypeTags;

    internal override int Size => Image.Bytes.Length;

    private Encoded Image => _encoded ?? EncodeOnce();

    /// <summary>oscdump's line for a message: address, type tags, then each argument, space separated.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    public bool Equals(OscMessage? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Address, other.Address, StringComparison.Ordinal) && OscArgument.ItemsEqual(_arguments.Span, other._arguments.Span)));

    public override bool Equals(object? obj) => obj is OscMessage other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Address, StringComparer.Ordinal);
        foreach (OscArgument argument in _arguments.Span)
        {
            hash.Add(argument);
        }

        return hash.ToHashCode();
    }

    /// <summary>Takes ownership of <paramref name="arguments"/>; decoders use it to skip the defensive copy.</summary>
    internal static OscMessage FromOwned(string address, OscArgument[] arguments) =>
        new(arguments.Length == 0 ? OscArgumentList.Empty : new OscArgumentList(arguments), address);

    internal override void WriteTo(Span<byte> destination)
    {
        Encoded encoded = Image;
        ReadOnlySpan<byte> image = encoded.Bytes;
        OscWriter.BlobField[]? blobs = encoded.Blobs;
        if (blobs is null)
        {
            image.CopyTo(destination);
            return;
        }

        // The bytes between blobs come from the image, each blob's content from its owner as it is now.
        int copied = 0;
        foreach (OscWriter.BlobField blob in blobs)
        {
            ReadOnlySpan<byte> content = blob.Argument.BlobSpan;
            image[copied..blob.Offset].CopyTo(destination[copied..]);
            content.CopyTo(destination[blob.Offset..]);
            copied = blob.Offset + content.Length;
        }

        if (copied < image.Length)
        {
            image[copied..].CopyTo(destination[copied..]);
        }
    }

    internal override void AppendTo(StringBuilder text)
    {
        text.Append(Address).Append(' ').Append(TypeTags);
        foreach (OscArgument argument in _arguments.Span)
        {
            argument.AppendTo(text.Append(' '));
        }
    }

    /// <summary>Encodes a decoded message; threads racing here make equal encodings, and the first one stored is kept.</summary>
    private Encoded EncodeOnce()
    {
        var encoded = new Encoded(Address, _arguments.Span);
        return Interlocked.CompareExchange(ref _encoded, encoded, null) ?? encoded;
    }

    private static OscArgumentList Copy(IReadOnlyList<OscArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Count == 0 ? OscArgumentList.Empty : new OscArgumentList([.. arguments]);
    }

    /// <summary>A message's bytes as of encoding (a blob's bytes in them may be stale, the rest cannot change), its type tags, and its blobs.</summary>
    private sealed class Encoded
    {
        public Encoded(string address, ReadOnlySpan<OscArgument> items)
        {
            int addressByteCount = Encoding.UTF8.GetByteCount(address);
            int tagCount = OscWriter.CountTags(items);
            int headerSize = OscWriter.HeaderSize(addressByteCount, tagCount);
            Bytes = new byte[headerSize + OscWriter.DataSize(items)];
            OscWriter.WriteHeader(Bytes, address, addressByteCount, items, tagCount);
            OscWriter.WriteData(Bytes.AsSpan(headerSize), items);
            TypeTags = Encoding.ASCII.GetString(Bytes, OscWire.StringSize(addressByteCount) + 1, tagCount);
            int blobCount = OscWriter.CountBlobs(items);
            if (blobCount > 0)
            {
                Blobs = new OscWriter.BlobField[blobCount];
                int found = 0;
                OscWriter.FindBlobs(items, headerSize, Blobs, ref found);
            }
        }

        public byte[] Bytes { get; }

        public string TypeTags { get; }

        /// <summary>Each blob (nested ones included) with where its content starts in <see cref="Bytes"/>, in wire order; null without blobs.</summary>
        public OscWriter.BlobField[]? Blobs { get; }
    }
}
