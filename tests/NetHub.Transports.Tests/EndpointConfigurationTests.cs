using NetHub.Configuration;
using NetHub.Osc;
using NetHub.TestKit;

namespace NetHub.Transports.Tests;

public sealed class EndpointConfigurationTests
{
    private static IReadOnlyList<EndpointDefinition> Read(string endpoints) =>
        EndpointConfiguration.Read(Config.Parse(endpoints, "show.conf").WithFallback(EndpointConfiguration.Reference).Resolve());

    [Fact]
    public void OscUdpDefaults_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(Config.Parse("nethub.endpoint-defaults.osc-udp.bind = \":9\"").WithFallback(EndpointConfiguration.Reference), "nethub.endpoint-defaults.osc-udp", c => OscUdpSettings.FromConfig(c.GetConfig("nethub.endpoint-defaults.osc-udp")));

    [Fact]
    public void OscTcpServerDefaults_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(EndpointConfiguration.Reference, "nethub.endpoint-defaults.osc-tcp-server", c => OscTcpServerSettings.FromConfig(c.GetConfig("nethub.endpoint-defaults.osc-tcp-server")));

    [Fact]
    public void OscTcpClientDefaults_EveryKeyIsReadAndEverySettingHasAKey() =>
        SettingsContract.Verify(Config.Parse("nethub.endpoint-defaults.osc-tcp-client.remote = \"h:9\"").WithFallback(EndpointConfiguration.Reference), "nethub.endpoint-defaults.osc-tcp-client", c => OscTcpClientSettings.FromConfig(c.GetConfig("nethub.endpoint-defaults.osc-tcp-client")));

    [Fact]
    public void NoEndpoints_ByDefault() => Assert.Empty(Read(string.Empty));

    [Fact]
    public void Endpoint_OverridesItsTypeDefaults()
    {
        EndpointDefinition tablet = Assert.Single(Read("nethub.endpoints.tablet { type = osc-udp, bind = \":8000\", remote = \"192.168.1.20:9000\", bundles.policy = pass-through }"));
        var settings = Assert.IsType<OscUdpSettings>(tablet.Settings);
        Assert.Equal("tablet", tablet.Name);
        Assert.Equal(":8000", settings.Bind);
        Assert.Equal("192.168.1.20:9000", settings.Remote);
        Assert.Equal(BundlePolicy.PassThrough, settings.Bundles.Policy);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Bundles.MaxFuture);
        Assert.Equal(65536, settings.Limits.MaxPacket);
    }

    [Fact]
    public void TcpEndpoints_ReadFraming()
    {
        IReadOnlyList<EndpointDefinition> endpoints = Read("""
            nethub.endpoints {
              desk { type = osc-tcp-client, remote = "10.0.0.5:3032", framing = slip }
              qlab { type = osc-tcp-server, bind = ":53000" }
            }
            """);
        Assert.Equal(OscFraming.Slip, Assert.IsType<OscTcpClientSettings>(endpoints.Single(e => e.Name == "desk").Settings).Framing);
        Assert.Equal(OscFraming.SizePrefix, Assert.IsType<OscTcpServerSettings>(endpoints.Single(e => e.Name == "qlab").Settings).Framing);
    }

    [Fact]
    public void UnknownKey_IsRefusedWithItsLocationAndTheKnownKeys()
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read("nethub.endpoints.tablet {\n  type = osc-udp\n  bnid = \":8000\"\n}"));
        Assert.Contains("show.conf:3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.endpoints.tablet.bnid", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bind, remote", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingType_IsRefused()
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read("nethub.endpoints.tablet { bind = \":8000\" }"));
        Assert.Contains("osc-udp, osc-tcp-server, osc-tcp-client", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type = serial", "osc-udp, osc-tcp-server or osc-tcp-client")]
    [InlineData("type = osc-udp, bind = \"8000\"", "host:port or :port")]
    [InlineData("type = osc-udp, bind = \":70000\"", "host:port or :port")]
    [InlineData("type = osc-udp, remote = \":9000\"", "host:port, e.g.")]
    [InlineData("type = osc-udp", "a bind address, a remote address, or both")]
    [InlineData("type = osc-udp, bind = \":8000\", multicast.group = \"10.0.0.1\"", "a multicast address")]
    [InlineData("type = osc-udp, remote = \"h:1\", multicast.group = \"239.1.1.1\"", "a bind address too")]
    [InlineData("type = osc-udp, bind = \":8000\", bundles.policy = later", "schedule, pass-through or ignore")]
    [InlineData("type = osc-udp, bind = \":8000\", limits.max-bundle-depth = 0", "from 1 to 64")]
    [InlineData("type = osc-tcp-client, remote = \"h:1\", framing = cobs", "size-prefix or slip")]
    [InlineData("type = osc-tcp-client, remote = \"h:1\", reconnect { min-backoff = 5s, max-backoff = 1s }", "at least min-backoff")]
    public void BadValues_AreRefusedWithTheExpectation(string body, string expected)
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read($"nethub.endpoints.x {{ {body} }}"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("nethub.endpoints.x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadEndpointName_IsRefused()
    {
        ConfigException ex = Assert.ThrowsAny<ConfigException>(() => Read("nethub.endpoints { \"osc in\" { type = osc-udp, bind = \":1\" } }"));
        Assert.Contains("letters, digits", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.5:9000", "10.0.0.5", 9000)]
    [InlineData("[::1]:9000", "::1", 9000)]
    [InlineData(":8000", "", 8000)]
    [InlineData("*:8000", "", 8000)]
    [InlineData("stage-pc.local:53000", "stage-pc.local", 53000)]
    public void NetAddress_ParsesHostAndPort(string text, string host, int port)
    {
        Assert.True(NetAddress.TryParse(text, out string h, out int p));
        Assert.Equal(host, h);
        Assert.Equal(port, p);
    }

    [Theory]
    [InlineData("::1:9000")]
    [InlineData("host")]
    [InlineData("host:99999")]
    [InlineData("bad host:1")]
    public void NetAddress_RefusesMalformed(string text) => Assert.False(NetAddress.TryParse(text, out _, out _));
}
