using System.Globalization;
using System.Text;
using NetHub.Messages;

namespace NetHub.Transports;

/// <summary>
/// Bytes to payloads and back for the text endpoints, and the one-line form the history shows.
/// Sending follows the conversion table of <see cref="PayloadConvert"/>: text as is, OSC arguments
/// space-joined, JSON as its text, bytes as they are; then the framing's terminator.
/// </summary>
internal static class TextCodec
{
    private const int MaxShown = 200;

    /// <summary>The payload for received bytes; false when they were meant as UTF-8 but are not (a bytes payload then).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, TextEncoding encoding, out HubPayload payload)
    {
        switch (encoding)
        {
            case TextEncoding.Latin1:
                payload = new TextPayload(Encoding.Latin1.GetString(bytes));
                return true;
            case TextEncoding.Utf8 when System.Text.Unicode.Utf8.IsValid(bytes):
                payload = new TextPayload(Encoding.UTF8.GetString(bytes));
                return true;
            default:
                payload = new BytesPayload(bytes.ToArray());
                return encoding == TextEncoding.Bytes;
        }
    }

    /// <summary>The message as sent: its bytes, then the terminator. <paramref name="length"/> is the message without it.</summary>
    public static byte[] Encode(HubPayload payload, TextEncoding encoding, TextFraming framing, out int length)
    {
        ReadOnlySpan<byte> terminator = TextFramer.Terminator(framing);
        if (payload is BytesPayload bytes)
        {
            length = bytes.Bytes.Length;
            return [.. bytes.Bytes.Span, .. terminator];
        }

        string text = PayloadConvert.ToText(payload);
        Encoding textEncoding = encoding == TextEncoding.Latin1 ? Encoding.Latin1 : Encoding.UTF8;
        length = textEncoding.GetByteCount(text);
        byte[] frame = new byte[length + terminator.Length];
        textEncoding.GetBytes(text, frame);
        terminator.CopyTo(frame.AsSpan(length));
        return frame;
    }

    /// <summary>"CMD:GO", with control characters escaped and long text cut; bytes as "(5 bytes) 01 02 ...".</summary>
    public static string Describe(ReadOnlySpan<byte> bytes, TextEncoding encoding)
    {
        string? text = encoding switch
        {
            TextEncoding.Latin1 => Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MaxShown)]),
            TextEncoding.Utf8 when System.Text.Unicode.Utf8.IsValid(bytes) => Encoding.UTF8.GetString(bytes),
            _ => null,
        };
        if (text is null)
        {
            int shown = Math.Min(bytes.Length, 32);
            string hex = Convert.ToHexString(bytes[..shown]);
            var spaced = new StringBuilder(shown * 3);
            for (int i = 0; i < hex.Length; i += 2)
            {
                spaced.Append(spaced.Length == 0 ? string.Empty : " ").Append(hex, i, 2);
            }

            return $"({bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes) {spaced}{(shown < bytes.Length ? " ..." : string.Empty)}";
        }

        var sb = new StringBuilder(Math.Min(text.Length, MaxShown) + 8);
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, MaxShown)))
        {
            sb.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return text.Length > MaxShown ? sb.Append(" ...").ToString() : sb.ToString();
    }

    public static string Name(TextFraming framing) => framing switch
    {
        TextFraming.Line => "line",
        TextFraming.Nul => "nul",
        _ => "none",
    };

    public static string Name(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Utf8 => "utf-8",
        TextEncoding.Latin1 => "latin-1",
        _ => "bytes",
    };
}
