using NetHub.Configuration;
using NetHub.TestKit;

namespace NetHub.Transports.Tests;

public sealed class TextEndpointConfigurationTests
{
    private static IReadOnlyList<EndpointDefinition> Read(string endpoints) =>
        EndpointConfiguration.Read(Config.Parse(endpoints, "show.conf").WithFallback(EndpointConfiguration.Reference).Resolve());

    [Fact]
    public void UdpDefaults_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(Config.Parse("nethub.endpoint-defaults.udp.bind = \":9\"").WithFallback(EndpointConfiguration.Reference), "nethub.endpoint-defaults.udp", c => TextUdpSettings.FromConfig(c.GetConfig("nethub.endpoint-defaults.udp")));

    [Fact]
    public void TcpServerDefaults_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(Config.Parse("nethub.endpoint-defaults.tcp-server.bind = \":9\"").WithFallback(EndpointConfiguration.Reference), "nethub.endpoint-defaults.tcp-server", c => TextTcpServerSettings.FromConfig(c.GetConfig("nethub.endpoint-defaults.tcp-server")));

    [Fact]
    public void TcpClientDefaults_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(Config.Parse("nethub.endpoint-defaults.tcp-client.remote = \"h:9\"").WithFallback(EndpointConfiguration.Reference), "nethub.endpoint-defaults.tcp-client", c => TextTcpClientSettings.FromConfig(c.GetConfig("nethub.endpoint-defaults.tcp-client")));

    [Fact]
    public void TextEndpoints_ReadTheirDefaultsAndOverrides()
    {
        IReadOnlyList<EndpointDefinition> endpoints = Read("""
            nethub.endpoints {
              td { type = tcp-server, bind = ":7000" }
              projector { type = tcp-client, remote = "10.0.0.9:4352", framing = nul, encoding = latin-1, address = "/projector/reply" }
              sensors { type = udp, bind = ":7400", framing = line, max-message = 1KiB }
            }
            """);

        var td = Assert.IsType<TextTcpServerSettings>(endpoints.Single(e => e.Name == "td").Settings);
        Assert.Equal((TextFraming.Line, TextEncoding.Utf8, "/text", 65536L, 32), (td.Framing, td.Encoding, td.Address, td.MaxMessage, td.MaxClients));
        var projector = Assert.IsType<TextTcpClientSettings>(endpoints.Single(e => e.Name == "projector").Settings);
        Assert.Equal((TextFraming.Nul, TextEncoding.Latin1, "/projector/reply"), (projector.Framing, projector.Encoding, projector.Address));
        Assert.Equal(TimeSpan.FromMilliseconds(200), projector.Reconnect.MinBackoff);
        var sensors = Assert.IsType<TextUdpSettings>(endpoints.Single(e => e.Name == "sensors").Settings);
        Assert.Equal((TextFraming.Line, 1024L), (sensors.Framing, sensors.MaxMessage));
        Assert.Equal(TextFraming.None, Assert.IsType<TextUdpSettings>(Assert.Single(Read("nethub.endpoints.u { type = udp, remote = \"h:1\" }")).Settings).Framing);
    }

    [Fact]
    public void UnknownKey_IsRefusedWithItsLocationAndTheKnownKeys()
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read("nethub.endpoints.td {\n  type = tcp-server\n  bind = \":7000\"\n  framming = line\n}"));

        Assert.Contains("show.conf:4:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.endpoints.td.framming", ex.Message, StringComparison.Ordinal);
        Assert.Contains("framing", ex.Message.Replace("framming", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void BadFraming_IsRefusedWithItsLocationAndTheChoices()
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read("nethub.endpoints.td {\n  type = tcp-server, bind = \":7000\"\n  framing = crlf\n}"));

        Assert.Contains("show.conf:3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.endpoints.td.framing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line, nul or none", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"crlf\"", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type = tcp-server", "nethub.endpoints.x.bind", "host:port or :port")]
    [InlineData("type = tcp-client", "nethub.endpoints.x.remote", "host:port, e.g.")]
    [InlineData("type = udp", "nethub.endpoints.x.bind", "a bind address, a remote address, or both")]
    public void MissingAddress_IsRefusedNamingTheKey(string body, string key, string expected)
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read($"nethub.endpoints.x {{ {body} }}"));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type = udp, bind = \":1\", max-message = 70000", "nethub.endpoints.x.max-message", "from 1 to 65507")]
    [InlineData("type = tcp-server, bind = \":1\", max-message = 0", "nethub.endpoints.x.max-message", "from 1 to")]
    [InlineData("type = tcp-server, bind = \":1\", address = \"text\"", "nethub.endpoints.x.address", "an OSC address")]
    [InlineData("type = tcp-server, bind = \":1\", address = \"/a b\"", "nethub.endpoints.x.address", "an OSC address")]
    [InlineData("type = tcp-client, remote = \"h:1\", encoding = ascii", "nethub.endpoints.x.encoding", "utf-8, latin-1 or bytes")]
    [InlineData("type = tcp-client, remote = \"h:1\", reconnect { min-backoff = 5s, max-backoff = 1s }", "nethub.endpoints.x.reconnect.max-backoff", "at least min-backoff")]
    [InlineData("type = telnet", "nethub.endpoints.x.type", "udp, tcp-server, tcp-client")]
    public void BadValues_AreRefusedWithTheKeyAndTheExpectation(string body, string key, string expected)
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read($"nethub.endpoints.x {{ {body} }}"));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("show.conf:1:", ex.Message, StringComparison.Ordinal);
    }
}
