using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary>
/// "host:port" as written in configuration: <c>10.0.0.5:9000</c>, <c>[::1]:9000</c>,
/// <c>stage-pc.local:9000</c>, or <c>:9000</c> / <c>*:9000</c> for every interface (bind only).
/// </summary>
public static class NetAddress
{
    public static bool TryParse(string text, out string host, out int port)
    {
        ArgumentNullException.ThrowIfNull(text);
        host = string.Empty;
        port = 0;
        int colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        string hostPart = text[..colon];
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
        {
            return false;
        }

        if (hostPart.StartsWith('[') && hostPart.EndsWith(']'))
        {
            hostPart = hostPart[1..^1];
            if (!IPAddress.TryParse(hostPart, out IPAddress? v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }
        }
        else if (hostPart.Contains(':', StringComparison.Ordinal))
        {
            // An IPv6 address needs brackets, otherwise its last group would read as the port.
            return false;
        }

        host = hostPart == "*" ? string.Empty : hostPart;
        return host.Length == 0 || IPAddress.TryParse(host, out _) || Uri.CheckHostName(host) == UriHostNameType.Dns;
    }

    internal static string CheckBind(Config c, string key, bool allowEmpty) => Check(c, key, allowEmpty, requireHost: false);

    internal static string CheckRemote(Config c, string key, bool allowEmpty) => Check(c, key, allowEmpty, requireHost: true);

    /// <summary>The local address to bind: every interface (IPv6 dual-stack, or IPv4 when IPv6 is off) for an empty host.</summary>
    public static IPEndPoint ResolveBind(string text)
    {
        if (!TryParse(text, out string host, out int port))
        {
            throw new FormatException($"'{text}' is not host:port");
        }

        if (host.Length == 0)
        {
            return new IPEndPoint(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, port);
        }

        return new IPEndPoint(ResolveHost(host), port);
    }

    /// <summary>A remote address; host names are resolved (IPv4 preferred, as most show gear speaks it).</summary>
    public static IPEndPoint ResolveRemote(string text)
    {
        if (!TryParse(text, out string host, out int port) || host.Length == 0)
        {
            throw new FormatException($"'{text}' is not host:port");
        }

        return new IPEndPoint(ResolveHost(host), port);
    }

    public static bool IsMulticast(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? address.IsIPv6Multicast
            : (address.GetAddressBytes()[0] & 0xF0) == 0xE0;
    }

    /// <summary>"10.0.0.5:9000" or "[::1]:9000"; an IPv4-mapped IPv6 address is shown as IPv4.</summary>
    public static string Format(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        IPAddress address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{address}]:{endPoint.Port.ToString(CultureInfo.InvariantCulture)}"
            : $"{address}:{endPoint.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    private static IPAddress ResolveHost(string host)
    {
        if (IPAddress.TryParse(host, out IPAddress? address))
        {
            return address;
        }

        IPAddress[] addresses = Dns.GetHostAddresses(host);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new SocketException((int)SocketError.HostNotFound);
    }

    private static string Check(Config c, string key, bool allowEmpty, bool requireHost)
    {
        string text = c.GetString(key);
        if (text.Length == 0 && allowEmpty)
        {
            return text;
        }

        string expected = requireHost
            ? "host:port, e.g. 192.168.1.20:9000 or [fe80::1]:9000"
            : "host:port or :port, e.g. :8000 (every interface) or 192.168.1.10:8000";
        if (!TryParse(text, out string host, out _) || (requireHost && host.Length == 0))
        {
            throw c.Error(key, expected, $"\"{text}\"");
        }

        return text;
    }
}
