namespace NetHub.Configuration;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. <see cref="Path"/> is absolute: a substitution in an included file is
/// prefixed with the include point (HOCON spec, "Include semantics: substitution"), and
/// <see cref="PrefixLength"/> remembers how much was added so the unprefixed path can be tried next.
/// </summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(string[] path, bool optional, int prefixLength, int selfLength, string? fieldPath, ConfigOrigin origin)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        PrefixLength = prefixLength;
        SelfLength = selfLength;
        FieldPath = fieldPath;
    }

    public string[] Path { get; }

    public bool Optional { get; }

    public int PrefixLength { get; }

    /// <summary>
    /// Length of the field path when this substitution is the field's own path or inside it, written directly
    /// in the field's value; it then reads the value the field had before this assignment (HOCON spec,
    /// "Self-Referential Substitutions"). -1 otherwise.
    /// </summary>
    public int SelfLength { get; }

    /// <summary>Where the substitution was written, for error messages.</summary>
    public string? FieldPath { get; }

    public string UnprefixedName => string.Join('.', Path.Skip(PrefixLength));

    public string Expression => (Optional ? "${?" : "${") + ConfigPath.Render(Path.Skip(PrefixLength)) + "}";

    public override bool IsResolved => false;

    public override string Describe() => "substitution " + Expression;
}
