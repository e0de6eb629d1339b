using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace NetHub.Configuration.Tests;

/// <summary>
/// Random input only ever produces a config or a ConfigException, in bounded time; random trees survive a
/// render and re-parse unchanged.
/// </summary>
public sealed partial class ConfigTests
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "=", ":", ",", "${", "${?", "}", "\"\"\"", "include ", "include required(", "file(", ")", "\"", "\n", "\n", " ", " ",
        "#", "//", ".", "+=", "+", "a", "b", "a.b", "x", "1", "-", "2.5", "1e", "true", "null", "\\", "\\u", "$", "?", "@", "\"inc.conf\"",
        "\"a\"", "\t", "\r\n", "\"\\n\"", "inc.conf", "00", "infinite", "10s", "\u00a0", "\uFEFF", "é", "\ud800",
    ];

    private static readonly IReadOnlyDictionary<string, string> FuzzFiles = new Dictionary<string, string>
    {
        ["inc.conf"] = "x = ${?a}\ninclude \"inc.conf\"",
        ["a"] = "a = { b = [1, ${?x}] }",
    };

    [Fact]
    public void Parse_RandomTokenSoup_SucceedsOrThrowsConfigExceptionInBoundedTime()
    {
        Gen<string> soup = Gen.Elements(Tokens).ListOf().Select(tokens => string.Concat(tokens));

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000).WithEndSize(60), Prop.ForAll(soup.ToArbitrary(), ParsesSafely));
    }

    [Fact]
    public void Parse_RandomCharacters_SucceedsOrThrowsConfigExceptionInBoundedTime()
    {
        Gen<string> text = Gen.Elements("{}[]=:,$?\"\\#/.+ \n\tab1-e\u2028".ToCharArray()).ArrayOf().Select(chars => new string(chars));

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000).WithEndSize(80), Prop.ForAll(text.ToArbitrary(), ParsesSafely));
    }

    [Fact]
    public void Render_RandomTrees_ReparseToEqualValues()
    {
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500).WithEndSize(30), Prop.ForAll(TreeGen().ToArbitrary(), root =>
        {
            var config = new Config(root, string.Empty, null);
            string rendered = config.Render();
            Config reparsed = Config.Parse(rendered, "rendered.conf").Resolve(Hocon.Env());
            return Hocon.Dump(config) == Hocon.Dump(reparsed) && config.LeafPaths().SequenceEqual(reparsed.LeafPaths());
        }));
    }

    [Theory]
    [InlineData("a = ", "[")]
    [InlineData("a = ", "{")]
    [InlineData("", "{")]
    [InlineData("", "a {")]
    [InlineData("", "a.")]
    [InlineData("a = [", "{ b = [")]
    public void Parse_DeepNesting_IsParseExceptionNotACrash(string prefix, string unit)
    {
        string text = prefix + string.Concat(Enumerable.Repeat(unit, 10_000)) + "x";

        Assert.Throws<ConfigParseException>(() => Config.Parse(text));
    }

    [Fact]
    public void Parse_DeepNestingWithHighLimit_IsStillParseExceptionNotACrash()
    {
        var options = new ConfigParseOptions { MaxDepth = int.MaxValue };
        string text = "a = " + new string('[', 1_000_000);

        Exception? error = Record.Exception(() => Config.Parse(text, "deep.conf", options));

        Assert.IsType<ConfigParseException>(error);
    }

    /// <summary>Parses, resolves and re-renders on a worker so a hang fails this case instead of the whole run.</summary>
    private static bool ParsesSafely(string text)
    {
        var work = Task.Run(() =>
        {
            try
            {
                Config config = Config.Parse(text, "fuzz.conf", Hocon.Options(FuzzFiles)).Resolve(Hocon.Env(new Dictionary<string, string> { ["x"] = "env" }));
                _ = config.LeafPaths();
                string rendered = config.Render();
                Config reparsed = Config.Parse(rendered, "rendered.conf").Resolve(Hocon.Env());
                return Hocon.Dump(config) == Hocon.Dump(reparsed) ? null : $"render round trip changed the config:\n{rendered}";
            }
            catch (ConfigException)
            {
                return null;
            }
            catch (Exception e)
            {
                return $"{e.GetType().Name}: {e.Message}";
            }
        });

        if (!work.Wait(CaseTimeout))
        {
            throw new TimeoutException($"parsing did not finish within {CaseTimeout}: {ConfigPath.Quote(text)}");
        }

        return work.Result is null ? true : throw new InvalidOperationException($"{work.Result}\ninput: {ConfigPath.Quote(text)}");
    }

    private static Gen<HoconObject> TreeGen() => Gen.Sized(size => ObjectGen(Math.Min(size, 30), 0));

    private static Gen<HoconObject> ObjectGen(int size, int depth) =>
        Gen.ListOf(Gen.Zip(KeyGen(), ValueGen(size / 2, depth + 1)), Math.Min(size, 6)).Select(fields =>
        {
            var keys = new List<string>();
            var values = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
            foreach ((string key, HoconValue value) in fields)
            {
                if (values.TryAdd(key, value))
                {
                    keys.Add(key);
                }
            }

            return new HoconObject(keys, values, Origin);
        });

    private static Gen<HoconValue> ValueGen(int size, int depth)
    {
        Gen<HoconValue> scalar = Gen.OneOf(
            StringGen().Select(s => (HoconValue)new HoconScalar(HoconScalarKind.String, s, Origin)),
            NumberGen().Select(n => (HoconValue)new HoconScalar(HoconScalarKind.Number, n, Origin)),
            Gen.Elements("true", "false").Select(b => (HoconValue)new HoconScalar(HoconScalarKind.Boolean, b, Origin)),
            Gen.Constant((HoconValue)HoconScalar.Null(Origin)));
        if (size <= 1 || depth > 5)
        {
            return scalar;
        }

        Gen<HoconValue> array = Gen.ListOf(ValueGen(size / 2, depth + 1), Math.Min(size, 5)).Select(items => (HoconValue)new HoconArray(items.ToList(), Origin));
        Gen<HoconValue> obj = ObjectGen(size / 2, depth + 1).Select(o => (HoconValue)o);
        return Gen.Frequency((4, scalar), (1, array), (1, obj));
    }

    private static Gen<string> KeyGen() => Gen.OneOf(
        Gen.Elements("a", "b", "key", "port", "10", "-x", "include", "true", "null", "", " ", "a.b", "a b", "$x", "q\"uote", "back\\slash", "new\nline", "é", "x//y", "#", "\ud83c\udfad"),
        StringGen());

    private static Gen<string> StringGen() =>
        Gen.Elements("abcdefgh123 .-_\"\\$#/{}[]:=,+?!@*&^`\n\t\u0001\u00e9\u2028".ToCharArray()).ArrayOf().Select(chars => new string(chars));

    private static Gen<string> NumberGen() => Gen.OneOf(
        Gen.Choose(-1_000_000, 1_000_000).Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Choose(-1000, 1000).Select(i => (i / 7.0).ToString("R", CultureInfo.InvariantCulture)),
        Gen.Elements("0", "-0", "1e5", "1E+5", "2.5e-3", "9223372036854775807", "007"));

    private static readonly ConfigOrigin Origin = new("generated.conf", 1, 1);
}
