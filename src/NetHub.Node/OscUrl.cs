using System.Globalization;

namespace NetHub.Node;

/// <summary>
/// Where the OSC tools send or listen: "HOST:PORT" (or "PORT" for dump), or liblo's URLs
/// <c>osc.udp://host:port</c> and <c>osc.tcp://host:port</c> (<c>osc.udp://:port</c> to listen).
/// </summary>
public sealed record OscUrl(bool Tcp, string Host, int Port)
{
    public static OscUrl Parse(string text, bool forceTcp)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool tcp = forceTcp;
        string rest = text;
        if (text.StartsWith("osc.udp://", StringComparison.OrdinalIgnoreCase))
        {
            rest = text["osc.udp://".Length..];
        }
        else if (text.StartsWith("osc.tcp://", StringComparison.OrdinalIgnoreCase))
        {
            tcp = true;
            rest = text["osc.tcp://".Length..];
        }

        rest = rest.TrimEnd('/');
        if (int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int bare) && bare <= 65535)
        {
            return new OscUrl(tcp, string.Empty, bare);
        }

        if (NetHub.Transports.NetAddress.TryParse(rest, out string host, out int port))
        {
            return new OscUrl(tcp, host, port);
        }

        throw new FormatException($"'{text}' is not HOST:PORT, PORT, osc.udp://HOST:PORT or osc.tcp://HOST:PORT");
    }

    public string HostPort => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
