using System.Text;

namespace NetHub.Configuration.Tests;

/// <summary>Shortcuts for parsing test text with in-memory files and an injected environment.</summary>
internal static class Hocon
{
    public static Config Parse(string text, IReadOnlyDictionary<string, string>? files = null, string origin = "test.conf") =>
        Config.Parse(text, origin, Options(files));

    public static ConfigParseOptions Options(IReadOnlyDictionary<string, string>? files) =>
        new() { ReadFile = path => files is not null && files.TryGetValue(path, out string? text) ? text : null };

    public static Config Resolve(string text, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyDictionary<string, string>? files = null) =>
        Parse(text, files).Resolve(Env(environment));

    public static ConfigResolveOptions Env(IReadOnlyDictionary<string, string>? environment = null) =>
        new() { Environment = name => environment is not null && environment.TryGetValue(name, out string? value) ? value : null };

    /// <summary>A canonical text of the whole tree: key order, value kinds and exact texts.</summary>
    public static string Dump(Config config) => Dump(config.Root);

    public static string Dump(HoconValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                sb.Append('{');
                foreach (string key in obj.Keys)
                {
                    sb.Append(ConfigPath.Quote(key)).Append(':');
                    Write(sb, obj[key]);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case HoconArray array:
                sb.Append('[');
                foreach (HoconValue element in array.Elements)
                {
                    Write(sb, element);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case HoconScalar scalar:
                sb.Append(scalar.Kind).Append(' ').Append(ConfigPath.Quote(scalar.Text));
                break;
            default:
                sb.Append('?').Append(value.Describe());
                break;
        }
    }
}
