namespace NetHub.Configuration;

internal sealed class HoconArray : HoconValue
{
    private readonly bool _isResolved;

    public HoconArray(IReadOnlyList<HoconValue> elements, ConfigOrigin origin)
        : base(origin)
    {
        Elements = elements;
        _isResolved = elements.All(e => e.IsResolved);
    }

    public IReadOnlyList<HoconValue> Elements { get; }

    public override bool IsResolved => _isResolved;

    public override string Describe() => "array";
}
