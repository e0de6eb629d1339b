using NetHub.Configuration;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>The keys every text endpoint type shares: <c>address</c>, <c>encoding</c>, <c>framing</c>, <c>max-message</c>.</summary>
internal static class TextSettingsReader
{
    /// <summary>The largest message a text endpoint can be configured to accept.</summary>
    public const long MaxMessageLimit = 16L * 1024 * 1024;

    public static string ReadAddress(Config c)
    {
        string address = c.GetString("address");
        if (!OscAddress.IsValidAddress(address))
        {
            string why = OscAddress.Explain(address) ?? "not an OSC address";
            throw c.Error("address", $"an OSC address for the received messages, e.g. \"/text\" or \"/projector/reply\" ({why})", $"\"{address}\"");
        }

        return address;
    }

    public static TextEncoding ReadEncoding(Config c) =>
        c.GetChoice("encoding", ("utf-8", TextEncoding.Utf8), ("latin-1", TextEncoding.Latin1), ("bytes", TextEncoding.Bytes));

    public static TextFraming ReadFraming(Config c) =>
        c.GetChoice("framing", ("line", TextFraming.Line), ("nul", TextFraming.Nul), ("none", TextFraming.None));

    public static long ReadMaxMessage(Config c, long max = MaxMessageLimit) => c.GetBytes("max-message", 1, max);
}
