using NetHub.Configuration;

namespace NetHub.Transports;

/// <summary><c>multicast</c> of a UDP endpoint; an empty <see cref="Group"/> means no group is joined.</summary>
public sealed record MulticastSettings(string Group, string Interface, int Ttl, bool Loopback)
{
    public static MulticastSettings FromConfig(Config c)
    {
        ArgumentNullException.ThrowIfNull(c);
        string group = c.GetString("group");
        if (group.Length > 0 && (!System.Net.IPAddress.TryParse(group, out System.Net.IPAddress? address) || !NetAddress.IsMulticast(address)))
        {
            throw c.Error("group", "a multicast address such as 239.1.1.1 or ff12::1", $"\"{group}\"");
        }

        string iface = c.GetString("interface");
        if (iface.Length > 0 && !System.Net.IPAddress.TryParse(iface, out _))
        {
            throw c.Error("interface", "the IP address of a local interface", $"\"{iface}\"");
        }

        return new MulticastSettings(group, iface, c.GetInt("ttl", 0, 255), c.GetBoolean("loopback"));
    }
}
