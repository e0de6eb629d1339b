namespace NetHub.Configuration;

/// <summary>One piece of a value concatenation: a value, or the whitespace written between two values.</summary>
internal readonly record struct HoconConcatPart(HoconValue? Value, string? Whitespace);
