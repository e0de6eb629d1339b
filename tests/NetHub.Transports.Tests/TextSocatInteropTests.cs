using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.TestKit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NetHub.Transports.Tests;

/// <summary>The text endpoints against socat (Debian package socat), the tool technicians reach for to poke a raw TCP or UDP port.</summary>
[Trait("Category", "Integration")]
public sealed class TextSocatInteropTests(ITestOutputHelper output) : EndpointTestKit(output)
{
    private static Process StartSocat(params string[] arguments)
    {
        var info = new ProcessStartInfo("socat")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(info) ?? throw new XunitException("socat did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new XunitException($"socat is not installed (Debian package socat; tests/run.sh installs it): {ex.Message}");
        }
    }

    private static void Finish(Process socat)
    {
        if (!socat.WaitForExit(TestTime.DefaultTimeout))
        {
            socat.Kill();
            socat.WaitForExit(TestTime.DefaultTimeout);
        }

        socat.Dispose();
    }

    [Fact]
    public void SocatTcpClient_LineArrivesAtTheTcpServer()
    {
        IActorRef server = Start(Define("type = tcp-server, bind = \"127.0.0.1:0\"", "td-tcp"));
        int port = LocalOf(server).Port;
        Process socat = StartSocat("-", $"TCP:127.0.0.1:{port}");
        try
        {
            socat.StandardInput.Write("CMD:GO cue=12\n{\"scene\":\"finale\"}\n");
            socat.StandardInput.Close();

            var received = TestActor.ReceiveN(2).Cast<HubMessage>().ToList();
            Assert.Equal(["CMD:GO cue=12", "{\"scene\":\"finale\"}"], received.Select(m => Assert.IsType<TextPayload>(m.Payload).Text));
            Assert.All(received, m => Assert.StartsWith("127.0.0.1:", m.Source.Peer, StringComparison.Ordinal));
        }
        finally
        {
            Finish(socat);
        }
    }

    [Fact]
    public void SocatUdpSender_DatagramArrivesAtTheUdpEndpoint()
    {
        IActorRef endpoint = Start(Define("type = udp, bind = \"127.0.0.1:0\", framing = line", "td-udp"));
        int port = LocalOf(endpoint).Port;
        Process socat = StartSocat("-u", "-", $"UDP-SENDTO:127.0.0.1:{port}");
        try
        {
            socat.StandardInput.Write("sensor=0.42\n");
            socat.StandardInput.Close();

            Assert.Equal("sensor=0.42", Assert.IsType<TextPayload>(TestActor.ExpectMsg<HubMessage>().Payload).Text);
        }
        finally
        {
            Finish(socat);
        }
    }

    [Fact]
    public void TcpClientEndpoint_SendsALineThatSocatPrints()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        Process socat = StartSocat("-u", $"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr", "-");
        IActorRef? client = null;
        try
        {
            client = Start(Define($"type = tcp-client, remote = \"127.0.0.1:{port}\", reconnect {{ min-backoff = 100ms, max-backoff = 100ms, random-factor = 0 }}", "td-out"));

            // socat may start listening after the first attempt; each advance of the manual clock lets one retry run.
            AwaitCondition(
                () =>
                {
                    if (Status(client).State.StartsWith("connected", StringComparison.Ordinal))
                    {
                        return true;
                    }

                    Clock.Advance(TimeSpan.FromMilliseconds(100));
                    return false;
                },
                message: "the endpoint connects to socat");

            client.Tell(new SendMessage(HubMessage.Create(DateTimeOffset.UtcNow, new MessageSource("n", "router", null), "/out", new TextPayload("CMD:EMERGENCY_STOP"))));

            Assert.Equal("CMD:EMERGENCY_STOP", AwaitResult(socat.StandardOutput.ReadLineAsync()));
        }
        finally
        {
            if (client is not null)
            {
                // Closing the connection ends socat.
                Sys.Stop(client);
            }

            Finish(socat);
        }
    }
}
