using System.Diagnostics;

namespace NetHub.Configuration;

/// <summary>
/// <see cref="Top"/> assigned over <see cref="Below"/> when the outcome depends on substitutions: an object
/// merges with what is below only if that resolves to an object, and a self-referential substitution in
/// <see cref="Top"/> reads <see cref="Below"/>.
/// </summary>
internal sealed class HoconMerge : HoconValue
{
    public HoconMerge(HoconValue top, HoconValue below)
        : base(top.Origin)
    {
        Debug.Assert(top is not HoconMerge, "merge chains grow downwards only");
        Top = top;
        Below = below;
    }

    public HoconValue Top { get; }

    public HoconValue Below { get; }

    public override bool IsResolved => false;

    public override string Describe() => Top.Describe();
}
