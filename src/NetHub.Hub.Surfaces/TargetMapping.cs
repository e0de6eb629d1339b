using System.Globalization;
using System.Text;

namespace NetHub.Hub.Surfaces;

/// <summary>
/// One target of a control, <c>{ target = "td:/mixer/ch/{1}/gain", range = [-60, 6] }</c>: where the control's
/// value goes and the range it takes there. <c>{1}</c>, <c>{2}</c>... stand for the parts of the surface address
/// matched by the control's wildcards, so one multi-fader entry drives a whole bank of channels.
/// </summary>
public sealed record TargetMapping(string Target, ValueRange Range)
{
    /// <summary>The highest <c>{n}</c> the target text uses (0 when it has none).</summary>
    public int HighestPlaceholder => Placeholders(Target).DefaultIfEmpty(0).Max();

    /// <summary>The target for one control whose wildcard parts matched <paramref name="ids"/>.</summary>
    public ValueTarget Resolve(IReadOnlyList<string> ids) => ValueTarget.Parse(Substitute(Target, ids));

    internal static string Substitute(string text, IReadOnlyList<string> ids)
    {
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text);
        for (int i = ids.Count; i >= 1; i--)
        {
            sb.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", ids[i - 1]);
        }

        return sb.ToString();
    }

    internal static IEnumerable<int> Placeholders(string text)
    {
        for (int i = text.IndexOf('{', StringComparison.Ordinal); i >= 0 && i < text.Length; i = text.IndexOf('{', i + 1))
        {
            int close = text.IndexOf('}', i);
            if (close > i + 1 && int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                yield return n;
            }
        }
    }

    public override string ToString() => $"{Target} {Range}";
}
