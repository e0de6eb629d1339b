using System.Reflection;
using System.Text;
using NetHub.Configuration;
using Xunit.Sdk;

namespace NetHub.TestKit;

/// <summary>
/// Keeps a module's reference.conf and its settings record in step: every key in the reference
/// section is read when the settings are built, nothing outside the reference is read, and every
/// parameter of the settings record (recursively, and in each map entry) has a kebab-case key.
/// </summary>
public static class SettingsContract
{
    public static void Verify<TSettings>(Config reference, string section, Func<Config, TSettings> read)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(read);
        Config resolved = reference.Resolve();
        var log = new ConfigReadLog();
        read(resolved.Track(log));

        var keys = resolved.GetConfig(section).LeafPaths().Select(p => $"{section}.{p}").ToHashSet(StringComparer.Ordinal);
        var readKeys = log.Paths.Where(p => p.StartsWith(section + ".", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        problems.AddRange(keys.Except(readKeys).Order(StringComparer.Ordinal).Select(k => $"reference key {k} is never read by the settings"));
        problems.AddRange(readKeys.Except(keys).Order(StringComparer.Ordinal).Select(k => $"settings read {k}, which reference.conf does not document"));
        CheckType(typeof(TSettings), [resolved.GetConfig(section)], section, problems);
        if (problems.Count > 0)
        {
            throw new XunitException($"{typeof(TSettings).Name} and reference.conf disagree:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    /// <summary>"ShutdownTimeout" → "shutdown-timeout".</summary>
    public static string Kebab(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool boundary = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static void CheckType(Type type, IReadOnlyList<Config> objects, string path, List<string> problems)
    {
        ConstructorInfo ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        foreach (ParameterInfo parameter in ctor.GetParameters())
        {
            string key = Kebab(parameter.Name!);
            Type p = parameter.ParameterType;
            var present = objects.Where(o => o.HasPath(key) || o.IsNull(key)).ToList();
            if (present.Count == 0)
            {
                problems.Add($"{type.Name}.{parameter.Name} has no key {path}.{key} in reference.conf");
                continue;
            }

            if (IsSettingsRecord(p))
            {
                CheckType(p, [.. present.Select(o => o.GetConfig(key))], $"{path}.{key}", problems);
            }
            else if (p.IsGenericType && p.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && IsSettingsRecord(p.GetGenericArguments()[1]))
            {
                var entries = present.Select(o => o.GetConfig(key)).SelectMany(o => o.Keys.Select(k => o.GetConfig(Quote(k)))).ToList();
                CheckType(p.GetGenericArguments()[1], entries, $"{path}.{key}.<entry>", problems);
            }
        }
    }

    private static bool IsSettingsRecord(Type t) =>
        t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("NetHub", StringComparison.Ordinal) == true && t.GetMethod("<Clone>$") is not null;

    private static string Quote(string key) => key.Contains('.', StringComparison.Ordinal) ? $"\"{key}\"" : key;
}
