using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.TestKit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NetHub.Transports.Tests;

[Trait("Category", "Integration")]
public sealed class TextTcpEndpointTests(ITestOutputHelper output) : EndpointTestKit(output)
{
    private static HubMessage Outgoing(HubPayload payload) =>
        HubMessage.Create(DateTimeOffset.UtcNow, new MessageSource("test-node", "router", null), "/out", payload);

    private static HubMessage Outgoing(string text) => Outgoing(new TextPayload(text));

    private IActorRef Server(string extra = "") => Start(Define($"type = tcp-server, bind = \"127.0.0.1:0\"\n{extra}", "td-tcp"));

    private static Socket Connect(IPEndPoint to)
    {
        var socket = new Socket(to.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(to);
        return socket;
    }

    private static string Local(Socket socket) => NetAddress.Format((IPEndPoint)socket.LocalEndPoint!);

    /// <summary>Reads exactly the bytes of <paramref name="expected"/> (bounded by the test timeout) and returns them as text.</summary>
    private static string Read(Socket socket, string expected)
    {
        socket.ReceiveTimeout = (int)TestTime.DefaultTimeout.TotalMilliseconds;
        byte[] buffer = new byte[Encoding.UTF8.GetByteCount(expected)];
        int read = 0;
        while (read < buffer.Length)
        {
            int n;
            try
            {
                n = socket.Receive(buffer, read, buffer.Length - read, SocketFlags.None);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                throw new XunitException($"expected \"{expected}\", got \"{Encoding.UTF8.GetString(buffer, 0, read)}\" before the timeout");
            }

            if (n == 0)
            {
                throw new XunitException($"the connection closed after \"{Encoding.UTF8.GetString(buffer, 0, read)}\"");
            }

            read += n;
        }

        return Encoding.UTF8.GetString(buffer);
    }

    private static string TextOf(HubMessage message) => Assert.IsType<TextPayload>(message.Payload).Text;

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    [Fact]
    public void Server_ReceivesLinesFromTwoClients_NamingEachPeer()
    {
        IActorRef server = Server();
        IPEndPoint local = LocalOf(server);
        using Socket a = Connect(local);
        using Socket b = Connect(local);

        a.Send("CMD:GO\n"u8);
        b.Send("{\"cue\":5}\n"u8);

        var received = TestActor.ReceiveN(2).Cast<HubMessage>().ToDictionary(TextOf);
        Assert.Equal(Local(a), received["CMD:GO"].Source.Peer);
        Assert.Equal(Local(b), received["{\"cue\":5}"].Source.Peer);
        Assert.All(received.Values, m => Assert.Equal("/text", m.Address));
        AwaitCondition(() => Status(server).State.EndsWith("2 client(s)", StringComparison.Ordinal));
        Assert.Contains("TCP text, line framing", Status(server).State, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_SplitAcrossReads_AndSeveralInOneRead_AndCrLf()
    {
        IActorRef server = Server();
        using Socket client = Connect(LocalOf(server));

        client.Send("CMD:"u8);
        AwaitCondition(() => Status(server).Counters.BytesIn == 4, message: "the first half is read on its own");
        client.Send("GO\r\nx=1,y=2\r\nkey=value\n"u8);

        Assert.Equal(["CMD:GO", "x=1,y=2", "key=value"], TestActor.ReceiveN(3).Cast<HubMessage>().Select(TextOf));
        Assert.Equal(["CMD:GO", "x=1,y=2", "key=value"], Status(server).History.Select(h => h.Text));
    }

    [Fact]
    public void Nul_Framing_SplitsAtZeroBytes()
    {
        IActorRef server = Server("framing = nul");
        using Socket client = Connect(LocalOf(server));

        client.Send("first\0second line\nstill second\0"u8);

        Assert.Equal(["first", "second line\nstill second"], TestActor.ReceiveN(2).Cast<HubMessage>().Select(TextOf));
    }

    [Fact]
    public void MaxMessage_Overflow_IsCountedAndLogged_AndTheConnectionCarriesOn()
    {
        IActorRef server = Server("max-message = 16");
        using Socket client = Connect(LocalOf(server));

        client.Send(Encoding.UTF8.GetBytes(new string('x', 20)));
        AwaitCondition(() => Status(server).Counters.ErrorsByReason.GetValueOrDefault("MessageTooLong") == 1, message: "counted as it streams");
        client.Send(Encoding.UTF8.GetBytes(new string('y', 40) + "\nafter\n"));

        Assert.Equal("after", TextOf(TestActor.ExpectMsg<HubMessage>()));
        EndpointStatus status = Status(server);
        Assert.Equal(1, status.Counters.ErrorsByReason.GetValueOrDefault("MessageTooLong"));
        Assert.Contains("1 client(s)", status.State, StringComparison.Ordinal);
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 2021 && e.Message.Contains("'td-tcp' discarded a message from " + Local(client), StringComparison.Ordinal));
    }

    [Fact]
    public void Server_SendsToAllClients_OrToOne()
    {
        IActorRef server = Server();
        IPEndPoint local = LocalOf(server);
        using Socket a = Connect(local);
        using Socket b = Connect(local);
        AwaitCondition(() => Status(server).State.EndsWith("2 client(s)", StringComparison.Ordinal));

        server.Tell(new SendMessage(Outgoing("CMD:EMERGENCY_STOP")));
        Assert.Equal("CMD:EMERGENCY_STOP\n", Read(a, "CMD:EMERGENCY_STOP\n"));
        Assert.Equal("CMD:EMERGENCY_STOP\n", Read(b, "CMD:EMERGENCY_STOP\n"));

        server.Tell(new SendMessage(Outgoing("only b"), to: Local(b)));
        server.Tell(new SendMessage(Outgoing("only a"), to: Local(a)));
        Assert.Equal("only a\n", Read(a, "only a\n"));
        Assert.Equal("only b\n", Read(b, "only b\n"));
        AwaitCondition(() => Status(server).Counters.MessagesOut == 4);
    }

    [Fact]
    public void Server_SendsOscArgumentsAndJsonAsText()
    {
        IActorRef server = Server();
        using Socket client = Connect(LocalOf(server));
        AwaitCondition(() => Status(server).State.EndsWith("1 client(s)", StringComparison.Ordinal));
        using JsonDocument json = JsonDocument.Parse("{\"status\":\"ok\"}");

        server.Tell(new SendMessage(Outgoing(new OscPayload([NetHub.Osc.OscArgument.Int32(3), NetHub.Osc.OscArgument.String("go")]))));
        server.Tell(new SendMessage(Outgoing(new JsonPayload(json.RootElement))));

        Assert.Equal("3 go\n{\"status\":\"ok\"}\n", Read(client, "3 go\n{\"status\":\"ok\"}\n"));
    }

    [Fact]
    public void Server_WithNoClients_CountsTheSendAsNoClient()
    {
        IActorRef server = Server();

        server.Tell(new SendMessage(Outgoing("anyone?")));

        AwaitCondition(() => Status(server).Counters.DropsByReason.GetValueOrDefault("NoClient") == 1);
    }

    [Fact]
    public void Server_ClientClosingWithoutFinalNewline_StillDeliversItsLastLine()
    {
        IActorRef server = Server();
        using (Socket client = Connect(LocalOf(server)))
        {
            client.Send("bye"u8);
            client.Shutdown(SocketShutdown.Send);
            Assert.Equal("bye", TextOf(TestActor.ExpectMsg<HubMessage>()));
        }

        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 2009 && e.Message.Contains("closed by the peer", StringComparison.Ordinal)));
        AwaitCondition(() => Status(server).State.EndsWith("0 client(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Client_ConnectsSendsAndReceives()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        string remote = NetAddress.Format((IPEndPoint)listener.LocalEndPoint!);
        IActorRef client = Start(Define($"type = tcp-client, remote = \"{remote}\", address = \"/projector\"", "projector"));
        Assert.True(listener.Poll(TestTime.DefaultTimeout, SelectMode.SelectRead), "the endpoint connects");
        using Socket projector = listener.Accept();
        AwaitCondition(() => Status(client).State.StartsWith("connected", StringComparison.Ordinal));

        client.Tell(new SendMessage(Outgoing("PWR ON")));
        Assert.Equal("PWR ON\n", Read(projector, "PWR ON\n"));

        projector.Send("PWR=01\r\n"u8);
        HubMessage back = TestActor.ExpectMsg<HubMessage>();
        Assert.Equal("/projector", back.Address);
        Assert.Equal("PWR=01", TextOf(back));
        Assert.Equal("projector", back.Source.Endpoint);
        Assert.Equal(remote, back.Source.Peer);
    }

    [Fact]
    public void Client_RetriesWithBackoff_AndReconnectsAfterTheServerCloses()
    {
        int port = FreePort();
        IActorRef client = Start(Define($"type = tcp-client, remote = \"127.0.0.1:{port}\", reconnect {{ min-backoff = 200ms, max-backoff = 800ms, random-factor = 0 }}", "media"));
        AwaitCondition(() => Logs.Count(e => e.EventId.Id == 2006) == 1);
        Assert.Contains("retrying in 200 ms (attempt 1)", Logs.Entries.Last(e => e.EventId.Id == 2006).Message, StringComparison.Ordinal);
        Clock.Advance(TimeSpan.FromMilliseconds(200));
        AwaitCondition(() => Logs.Count(e => e.EventId.Id == 2006) == 2);
        Assert.Contains("retrying in 400 ms (attempt 2)", Logs.Entries.Last(e => e.EventId.Id == 2006).Message, StringComparison.Ordinal);

        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen();
        Clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.True(listener.Poll(TestTime.DefaultTimeout, SelectMode.SelectRead), "the endpoint connects after the backoff");
        using (Socket first = listener.Accept())
        {
            AwaitCondition(() => Status(client).State.StartsWith("connected", StringComparison.Ordinal));
        }

        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 2007), message: "the server closing is noticed");
        Assert.Contains("reconnecting in 200 ms", Logs.Entries.Last(e => e.EventId.Id == 2007).Message, StringComparison.Ordinal);
        Clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(listener.Poll(TestTime.DefaultTimeout, SelectMode.SelectRead), "the endpoint reconnects");
        using Socket second = listener.Accept();
        AwaitCondition(() => Status(client).State.StartsWith("connected", StringComparison.Ordinal));

        client.Tell(new SendMessage(Outgoing("after reconnect")));
        Assert.Equal("after reconnect\n", Read(second, "after reconnect\n"));
    }

    [Fact]
    public void Client_SendWhileDisconnected_IsDroppedAndCounted()
    {
        int port = FreePort();
        IActorRef client = Start(Define($"type = tcp-client, remote = \"127.0.0.1:{port}\"", "media"));
        AwaitCondition(() => Logs.Entries.Any(e => e.EventId.Id == 2006));

        client.Tell(new SendMessage(Outgoing("CMD:GO")));

        AwaitCondition(() => Status(client).Counters.DropsByReason.GetValueOrDefault("NotConnected") == 1);
        Assert.True(Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, $"dropped /out: not connected to 127.0.0.1:{port}"));
    }
}
