using System.Buffers.Binary;
using System.Collections.ObjectModel;
using System.Text;

namespace NetHub.Osc;

/// <summary>
/// An OSC bundle (OSC 1.0 "OSC Bundles"): a time tag and zero or more elements, each a message or a bundle.
/// Immutable; its encoded size is summed once at construction.
/// </summary>
public sealed class OscBundle : OscPacket, IEquatable<OscBundle>
{
    private readonly OscPacket[] _elements;
    private readonly int _size;

    /// <exception cref="ArgumentException">An element is null.</exception>
    public OscBundle(OscTimeTag timeTag, params OscPacket[] elements)
        : this(timeTag, (IReadOnlyList<OscPacket>)elements)
    {
    }

    /// <exception cref="ArgumentException">An element is null.</exception>
    public OscBundle(OscTimeTag timeTag, IReadOnlyList<OscPacket> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        TimeTag = timeTag;
        _elements = [.. elements];
        int size = OscWire.BundleHeaderSize;
        foreach (OscPacket element in _elements)
        {
            if (element is null)
            {
                throw new ArgumentException("A bundle element cannot be null.", nameof(elements));
            }

            size += 4 + element.Size;
        }

        _size = size;
        Elements = new ReadOnlyCollection<OscPacket>(_elements);
    }

    public OscTimeTag TimeTag { get; }

    public IReadOnlyList<OscPacket> Elements { get; }

    internal override int Size => _size;

    /// <summary>"#bundle", the time tag, then each element in braces separated by "; ".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    public bool Equals(OscBundle? other)
    {
        if (other is null || TimeTag != other.TimeTag || _elements.Length != other._elements.Length)
        {
            return false;
        }

        for (int i = 0; i < _elements.Length; i++)
        {
            if (!_elements[i].Equals(other._elements[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is OscBundle other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(TimeTag);
        foreach (OscPacket element in _elements)
        {
            hash.Add(element);
        }

        return hash.ToHashCode();
    }

    internal override void WriteTo(Span<byte> destination)
    {
        OscWire.BundleMarker.CopyTo(destination);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], TimeTag.Value);
        int position = OscWire.BundleHeaderSize;
        foreach (OscPacket element in _elements)
        {
            int size = element.Size;
            BinaryPrimitives.WriteInt32BigEndian(destination[position..], size);
            element.WriteTo(destination.Slice(position + 4, size));
            position += 4 + size;
        }
    }

    internal override void AppendTo(StringBuilder text)
    {
        text.Append("#bundle ").Append(TimeTag.ToString()).Append(" {");
        for (int i = 0; i < _elements.Length; i++)
        {
            _elements[i].AppendTo(text.Append(i == 0 ? " " : "; "));
        }

        text.Append(" }");
    }
}
