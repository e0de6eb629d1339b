using System.Text;

namespace NetHub.Osc;

/// <summary>
/// An OSC message (OSC 1.0 "OSC Messages"): an address (or address pattern) and typed arguments. Immutable; the
/// whole message is encoded once at construction, so sending it copies those bytes and refreshes only the blobs'
/// contents (a blob refers to its owner's memory, which may change between sends).
/// </summary>
public sealed class OscMessage : OscPacket, IEquatable<OscMessage>
{
    private readonly OscArgumentList _arguments;

    // The encoded message as of construction; a blob's bytes in it may be stale, the rest cannot change.
    private readonly byte[] _image;

    // Each blob (nested ones included) with where its content starts in _image, in wire order; null without blobs.
    private readonly OscWriter.BlobField[]? _blobs;

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
        ReadOnlySpan<OscArgument> items = arguments.Span;
        int addressByteCount = Encoding.UTF8.GetByteCount(address);
        int tagCount = OscWriter.CountTags(items);
        int headerSize = OscWriter.HeaderSize(addressByteCount, tagCount);
        _image = new byte[headerSize + OscWriter.DataSize(items)];
        OscWriter.WriteHeader(_image, address, addressByteCount, items, tagCount);
        OscWriter.WriteData(_image.AsSpan(headerSize), items);
        TypeTags = Encoding.ASCII.GetString(_image, OscWire.StringSize(addressByteCount) + 1, tagCount);
        int blobCount = OscWriter.CountBlobs(items);
        if (blobCount > 0)
        {
            _blobs = new OscWriter.BlobField[blobCount];
            int found = 0;
            OscWriter.FindBlobs(items, headerSize, _blobs, ref found);
        }
    }

    public string Address { get; }

    public IReadOnlyList<OscArgument> Arguments => _arguments;

    /// <summary>The type tags without the leading ',', e.g. "ifs" or "i[ff]s".</summary>
    public string TypeTags { get; }

    internal override int Size => _image.Length;

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
        new(address, arguments.Length == 0 ? OscArgumentList.Empty : new OscArgumentList(arguments));

    internal override void WriteTo(Span<byte> destination)
    {
        ReadOnlySpan<byte> image = _image;
        OscWriter.BlobField[]? blobs = _blobs;
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

    private static OscArgumentList Copy(IReadOnlyList<OscArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Count == 0 ? OscArgumentList.Empty : new OscArgumentList([.. arguments]);
    }
}
