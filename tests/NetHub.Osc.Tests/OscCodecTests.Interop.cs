using System.Diagnostics;

namespace NetHub.Osc.Tests;

/// <summary>
/// Bytes produced by liblo's <c>oscsend</c> (package liblo-tools) decode to the expected message, and NetHub
/// encodes that message to the very same bytes.
/// </summary>
public sealed partial class OscCodecTests
{
    public static TheoryData<string, string[]> OscsendCases => new()
    {
        { "i", ["-42"] },
        { "h", ["-5000000000"] },
        { "f", ["3.25"] },
        { "d", ["-0.5"] },
        { "s", ["hello world"] },
        { "S", ["sym"] },
        { "c", ["x"] },
        { "m", ["01903c7f"] },
        { "T", [] },
        { "F", [] },
        { "N", [] },
        { "I", [] },
        { "ihfdsScmTFNI", ["7", "8", "0.5", "1e100", "", "s", "z", "00b00700", ] },
    };

    private static readonly Dictionary<char, OscArgument[]> OscsendExpected = new()
    {
        ['i'] = [-42],
        ['h'] = [-5_000_000_000L],
        ['f'] = [3.25f],
        ['d'] = [-0.5],
        ['s'] = ["hello world"],
        ['S'] = [OscArgument.Symbol("sym")],
        ['c'] = [OscArgument.Char('x')],
        ['m'] = [OscArgument.Midi(new OscMidi(0x01, 0x90, 0x3c, 0x7f))],
        ['T'] = [OscArgument.True],
        ['F'] = [OscArgument.False],
        ['N'] = [OscArgument.Nil],
        ['I'] = [OscArgument.Impulse],
    };

    private static readonly OscArgument[] OscsendAllTypes =
    [
        7, 8L, 0.5f, 1e100, string.Empty, OscArgument.Symbol("s"), OscArgument.Char('z'), OscArgument.Midi(new OscMidi(0, 0xb0, 7, 0)),
        OscArgument.True, OscArgument.False, OscArgument.Nil, OscArgument.Impulse,
    ];

    [Theory]
    [Trait("Category", "Integration")]
    [MemberData(nameof(OscsendCases))]
    public void Decode_OscsendOutput_IsTheExpectedMessageAndEncodesIdentically(string types, string[] values)
    {
        OscArgument[] arguments = types.Length == 1 ? OscsendExpected[types[0]] : OscsendAllTypes;
        var expected = new OscMessage("/nethub/test", arguments);

        byte[] liblo = RunOscsend(["-", "/nethub/test", types, .. values]);

        Assert.Equal(expected, OscCodec.Decode(liblo));
        Assert.Equal(OscBytes.ToHex(liblo), OscBytes.ToHex(OscCodec.Encode(expected)));
    }

    /// <summary>Runs oscsend with "-" as the URL, which makes it write the raw packet to stdout.</summary>
    private static byte[] RunOscsend(string[] arguments)
    {
        var start = new ProcessStartInfo("oscsend") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("oscsend did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("oscsend was not found; install liblo-tools", e);
        }

        using (process)
        {
            using var stdout = new MemoryStream();
            Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            string stderr = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(10_000), "oscsend did not exit within 10 s");
            copy.Wait(TimeSpan.FromSeconds(10));
            Assert.True(process.ExitCode == 0, $"oscsend failed: {stderr}");
            return stdout.ToArray();
        }
    }
}
