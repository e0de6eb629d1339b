using System.Text;

namespace NetHub.Configuration;

/// <summary>
/// Writes a resolved configuration as HOCON a technician can read: nested blocks, keys in order, and a
/// <c># file:line</c> comment after each leaf saying which file set it. Strings are quoted whenever bare
/// text would read back differently, so the output parses to the same values.
/// </summary>
internal static class HoconRenderer
{
    private const string IndentUnit = "  ";

    public static string Render(HoconObject root)
    {
        var sb = new StringBuilder();
        WriteFields(sb, root, 0);
        return sb.ToString();
    }

    private static void WriteFields(StringBuilder sb, HoconObject obj, int indent)
    {
        foreach (string key in obj.Keys)
        {
            HoconValue value = obj[key];
            Indent(sb, indent);
            sb.Append(ConfigPath.RenderSegment(key));
            if (value is HoconObject { Count: > 0 } child)
            {
                sb.Append(" {\n");
                WriteFields(sb, child, indent + 1);
                Indent(sb, indent);
                sb.Append("}\n");
                continue;
            }

            sb.Append(value is HoconObject ? " " : " = ");
            WriteValue(sb, value, indent);
            sb.Append(" # ").Append(Sanitize(value.Origin.Source)).Append(':').Append(value.Origin.Line).Append('\n');
        }
    }

    private static void WriteValue(StringBuilder sb, HoconValue value, int indent)
    {
        switch (value)
        {
            case HoconScalar scalar:
                sb.Append(RenderScalar(scalar));
                break;
            case HoconArray array when array.Elements.All(e => e is HoconScalar):
                sb.Append('[').AppendJoin(", ", array.Elements.Select(e => RenderScalar((HoconScalar)e))).Append(']');
                break;
            case HoconArray array:
                sb.Append("[\n");
                for (int i = 0; i < array.Elements.Count; i++)
                {
                    Indent(sb, indent + 1);
                    WriteValue(sb, array.Elements[i], indent + 1);
                    sb.Append(i < array.Elements.Count - 1 ? ",\n" : "\n");
                }

                Indent(sb, indent);
                sb.Append(']');
                break;
            case HoconObject { Count: 0 }:
                sb.Append("{}");
                break;
            case HoconObject obj:
                sb.Append("{\n");
                WriteFields(sb, obj, indent + 1);
                Indent(sb, indent);
                sb.Append('}');
                break;
        }
    }

    private static string RenderScalar(HoconScalar scalar) => scalar.Kind switch
    {
        HoconScalarKind.String => IsBareString(scalar.Text) ? scalar.Text : ConfigPath.Quote(scalar.Text),
        _ => scalar.Text,
    };

    /// <summary>
    /// Unquoted text that reads back as the same string rather than a number, boolean or null, so durations
    /// and sizes stay readable (<c>10s</c>, <c>64KiB</c>).
    /// </summary>
    private static bool IsBareString(string text) =>
        text.Length > 0
        && text is not ("true" or "false" or "null")
        && !ConfigNumbers.IsNumber(text)
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static string Sanitize(string source) =>
        string.Concat(source.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' ? '?' : c));

    private static void Indent(StringBuilder sb, int indent)
    {
        for (int i = 0; i < indent; i++)
        {
            sb.Append(IndentUnit);
        }
    }
}
