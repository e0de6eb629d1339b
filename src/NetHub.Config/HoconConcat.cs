namespace NetHub.Configuration;

/// <summary>A value concatenation that contains at least one substitution, so its type is only known after resolution.</summary>
internal sealed class HoconConcat : HoconValue
{
    public HoconConcat(IReadOnlyList<HoconConcatPart> parts, string? fieldPath, ConfigOrigin origin)
        : base(origin)
    {
        Parts = parts;
        FieldPath = fieldPath;
    }

    public IReadOnlyList<HoconConcatPart> Parts { get; }

    public string? FieldPath { get; }

    public override bool IsResolved => false;

    public override string Describe() => "concatenation";
}
