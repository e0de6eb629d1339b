using System.Net;
using NetHub.Configuration;
using NetHub.Transports;

namespace NetHub.Node.Control;

/// <summary>
/// Typed <c>nethub.control</c>: whether the node serves its local control API, where, with which token and how long
/// a request waits for the hub. A bind that is not loopback without a token is refused when the configuration is
/// loaded, so a node never opens cue control to the whole show network by accident.
/// </summary>
public sealed record ControlSettings(bool Enabled, string Bind, string Token, TimeSpan AskTimeout)
{
    public const string Section = "nethub.control";

    /// <summary>The defaults of reference.conf.</summary>
    public static ControlSettings Default { get; } = new(true, "127.0.0.1:7400", string.Empty, TimeSpan.FromSeconds(5));

    /// <summary>True when only this machine can reach the API (127.0.0.0/8, ::1 or localhost).</summary>
    public bool IsLoopback => IsLoopbackBind(Bind);

    public bool RequiresToken => Token.Length > 0;

    public static ControlSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config c = config.GetConfig(Section);
        bool enabled = c.GetBoolean("enabled");
        string bind = c.GetString("bind").Trim();
        if (!NetAddress.TryParse(bind, out _, out _))
        {
            throw c.Error("bind", "host:port, e.g. \"127.0.0.1:7400\", \"[::1]:7400\" or \":7400\" (every interface, needs a token)");
        }

        string token = c.GetString("token");
        if (token.Length > 0 && (token.Trim().Length != token.Length || token.Any(char.IsControl)))
        {
            throw c.Error("token", "a token without spaces at either end or control characters (it travels in an HTTP header)", "a token with such characters");
        }

        TimeSpan ask = c.GetPositiveDuration("ask-timeout");
        if (enabled && token.Length == 0 && !IsLoopbackBind(bind))
        {
            throw c.Error(
                "bind",
                $"a loopback address (127.0.0.1, [::1], localhost) unless {Section}.token is set: anyone on the network could fire cues. Set {Section}.token (or NETHUB_CONTROL_TOKEN), or bind to \"127.0.0.1:{Port(bind)}\"");
        }

        return new ControlSettings(enabled, bind, token, ask);
    }

    /// <summary>The token is a secret: it never appears in logs or error messages.</summary>
    public override string ToString() =>
        $"ControlSettings {{ Enabled = {Enabled}, Bind = {Bind}, Token = {(RequiresToken ? "(set)" : "(none)")}, AskTimeout = {AskTimeout} }}";

    private static bool IsLoopbackBind(string bind)
    {
        if (!NetAddress.TryParse(bind, out string host, out _))
        {
            return false;
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address));
    }

    private static string Port(string bind) => NetAddress.TryParse(bind, out _, out int port) ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "7400";
}
