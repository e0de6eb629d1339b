namespace NetHub.Osc;

/// <summary>The plain strings of one "{a,b,...}" group, as written (an empty alternative is allowed).</summary>
internal sealed class OscAddressPatternAlternatives
{
    public OscAddressPatternAlternatives(string[] options)
    {
        Options = options;
        foreach (string option in options)
        {
            MaxLength = Math.Max(MaxLength, option.Length);
        }
    }

    public string[] Options { get; }

    public int MaxLength { get; }

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        foreach (string option in Options)
        {
            if (text.SequenceEqual(option))
            {
                return true;
            }
        }

        return false;
    }
}
