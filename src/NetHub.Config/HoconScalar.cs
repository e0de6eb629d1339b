namespace NetHub.Configuration;

/// <summary>
/// A string, number, boolean or null. Numbers keep the text they were written with, because value
/// concatenation and <c>GetString</c> must reproduce it exactly (HOCON spec, "String value concatenation").
/// </summary>
internal sealed class HoconScalar : HoconValue
{
    private const int MaxDescribedLength = 60;

    public HoconScalar(HoconScalarKind kind, string text, ConfigOrigin origin)
        : base(origin)
    {
        Kind = kind;
        Text = text;
    }

    public HoconScalarKind Kind { get; }

    public string Text { get; }

    public override bool IsResolved => true;

    public static HoconScalar Null(ConfigOrigin origin) => new(HoconScalarKind.Null, "null", origin);

    public override string Describe() => Kind switch
    {
        HoconScalarKind.String => "string " + ConfigPath.Quote(Text.Length > MaxDescribedLength ? Text[..MaxDescribedLength] + "..." : Text),
        HoconScalarKind.Number => "number " + Text,
        HoconScalarKind.Boolean => "boolean " + Text,
        _ => "null",
    };
}
