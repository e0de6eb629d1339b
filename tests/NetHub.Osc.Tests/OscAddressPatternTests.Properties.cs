using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace NetHub.Osc.Tests;

/// <summary>
/// Random patterns against a regular-expression reference written from osc.md 2.5, random text against the
/// parser, hostile patterns against a time guard, and the zero-allocation promise.
/// </summary>
public sealed partial class OscAddressPatternTests
{
    /// <summary>Generous: the cases below take microseconds; an exponential matcher would take years.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(5);

    private static readonly string[] Elements =
        ["a", "b", "-", "?", "*", "[ab]", "[!a]", "[a-b]", "[b-]", "[!-]", "{a,b}", "{,a}", "{ab,a}", "{ba,}", "{-}"];

    [Fact]
    public void IsMatch_RandomPatterns_AgreesWithRegexReference()
    {
        Gen<(string Pattern, string Address)> cases = PatternGen().Zip(AddressGen(), (pattern, address) => (pattern, address));

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(5000), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            OscAddressPattern pattern = OscAddressPattern.Parse(c.Pattern);
            bool expected = Reference(c.Pattern).IsMatch(c.Address);
            return pattern.IsMatch(c.Address) == expected
                && pattern.IsMatch(Encoding.ASCII.GetBytes(c.Address)) == expected
                && pattern.TryMatch(c.Address, stackalloc Range[8], out int count) == expected
                && count == (expected ? pattern.CaptureCount : 0);
        }));
    }

    [Fact]
    public void Parse_RandomText_IsValidExactlyWhenTryParseSucceeds()
    {
        Gen<string> text = Gen.Elements("/ab*?[]{}!-,# é/".ToCharArray()).ArrayOf().Select(chars => new string(chars));

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(text.ToArbitrary(), s =>
        {
            bool parsed = OscAddressPattern.TryParse(s, out OscAddressPattern? pattern, out string? error);
            bool literal = parsed && pattern!.IsLiteral;
            return parsed == OscAddress.IsValidPattern(s)
                && parsed == (error is null)
                && OscAddress.IsValidAddress(s) == literal
                && (!literal || pattern!.IsMatch(s));
        }));
    }

    [Theory]
    [InlineData("/*a*a*a*a*a*a*a*a*a*b")]
    [InlineData("/*a*a*a*a*a*a*a*a*a*b*")]
    [InlineData("/?*?*?*?*?*?*?*?*?*?*?*b?")]
    [InlineData("/{a,aa}{a,aa}{a,aa}{a,aa}{a,aa}{a,aa}{a,aa}{a,aa}b*")]
    [InlineData("/*{a,aa}*{a,aa}*{a,aa}*{a,aa}*{a,aa}*{a,aa}*b*")]
    [InlineData("/[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*b*")]
    public void IsMatch_PathologicalPartPattern_FinishesFast(string pattern)
    {
        OscAddressPattern parsed = OscAddressPattern.Parse(pattern);
        string address = "/" + new string('a', 20_000);

        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 5; i++)
        {
            Assert.False(parsed.IsMatch(address));
        }

        Assert.True(watch.Elapsed < Guard, $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("//a//a//a//a//a//a//a//a//b")]
    [InlineData("//*//*//*//*//*//*//*//*//b")]
    [InlineData("//a*//a*//a*//a*//a*//a*//b")]
    public void IsMatch_PathologicalPathWildcards_FinishesFast(string pattern)
    {
        OscAddressPattern parsed = OscAddressPattern.Parse(pattern);
        string address = string.Concat(Enumerable.Repeat("/a", 2_000));

        Span<Range> captures = stackalloc Range[16];
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 5; i++)
        {
            Assert.False(parsed.IsMatch(address));
            Assert.False(parsed.TryMatch(address, captures, out _));
        }

        Assert.True(watch.Elapsed < Guard, $"took {watch.Elapsed}");
    }

    [Fact]
    public void IsMatch_AfterWarmUp_AllocatesNothing()
    {
        OscAddressPattern[] patterns =
        [
            OscAddressPattern.Parse("/mixer/ch/12/fader"),
            OscAddressPattern.Parse("/mixer/ch/*/fader"),
            OscAddressPattern.Parse("/mixer/{ch,bus}/[0-9]*/fader"),
            OscAddressPattern.Parse("/mixer/{ch,bus}/*/*"),
            OscAddressPattern.Parse("//fader"),
        ];
        string address = "/mixer/ch/12/fader";
        byte[] utf8 = Encoding.ASCII.GetBytes(address);
        string longAddress = "/mixer/ch/" + new string('1', 1000) + "/fader";
        Range[] captures = new Range[4];
        int matches = Run();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            matches += Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(101 * 5 * 4, matches);

        int Run()
        {
            int n = 0;
            foreach (OscAddressPattern pattern in patterns)
            {
                n += pattern.IsMatch(address) ? 1 : 0;
                n += pattern.IsMatch(utf8) ? 1 : 0;
                n += pattern.TryMatch(address, captures, out _) ? 1 : 0;
                n += pattern.IsLiteral || pattern.IsMatch(longAddress) ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>Patterns of one to three parts over a tiny alphabet, separated by '/' or now and then '//'.</summary>
    internal static Gen<string> PatternGen()
    {
        Gen<string> part = Gen.Choose(1, 4).SelectMany(n => Gen.Elements(Elements).ArrayOf(n)).Select(string.Concat);
        Gen<string> separator = Gen.Frequency((4, Gen.Constant("/")), (1, Gen.Constant("//")));
        Gen<string> step = separator.Zip(part, (s, p) => s + p);
        return Gen.Choose(1, 3).SelectMany(n => step.ArrayOf(n)).Select(string.Concat);
    }

    /// <summary>Addresses of one to four parts of one to three characters, so random patterns often match.</summary>
    internal static Gen<string> AddressGen()
    {
        Gen<string> part = Gen.Choose(1, 3).SelectMany(n => Gen.Elements('a', 'b', '-').ArrayOf(n)).Select(chars => "/" + new string(chars));
        return Gen.Choose(1, 4).SelectMany(n => part.ArrayOf(n)).Select(string.Concat);
    }

    /// <summary>osc.md 2.5 as a .NET regular expression, translated element by element.</summary>
    private static Regex Reference(string pattern)
    {
        const string NotSlash = @"[\x00-\x2E\x30-\x7F]";
        var regex = new StringBuilder("^");
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            if (c == '/' && i + 1 < pattern.Length && pattern[i + 1] == '/')
            {
                regex.Append("(?:/" + NotSlash + "*)*/");
                i += 2;
                continue;
            }

            switch (c)
            {
                case '?':
                    regex.Append(NotSlash);
                    break;
                case '*':
                    regex.Append(NotSlash + "*");
                    break;
                case '[':
                    int close = pattern.IndexOf(']', i);
                    string body = pattern[(i + 1)..close];
                    bool negate = body.StartsWith('!');
                    string members = SetMembers(negate ? body[1..] : body);
                    regex.Append(negate ? "(?![" + members + "])" + NotSlash : "[" + members + "]");
                    i = close;
                    break;
                case '{':
                    int end = pattern.IndexOf('}', i);
                    string[] options = pattern[(i + 1)..end].Split(',');
                    regex.Append("(?:" + string.Join('|', options.Select(Regex.Escape)) + ")");
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }

            i++;
        }

        return new Regex(regex.Append(@"\z").ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>Set members with '-' as range only between two members, every character escaped.</summary>
    private static string SetMembers(string body)
    {
        var members = new StringBuilder();
        for (int i = 0; i < body.Length; i++)
        {
            members.Append($"\\u{(int)body[i]:X4}");
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                members.Append($"-\\u{(int)body[i + 2]:X4}");
                i += 2;
            }
        }

        return members.ToString();
    }
}
