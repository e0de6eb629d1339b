using System.Net;
using System.Net.Sockets;

namespace NetHub.Transports.Tests;

[Trait("Category", "Integration")]
public sealed class UdpBatchReceiverTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(250);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ABurst_ArrivesInBatches_WithEachDatagramAndItsSender(bool dualStack)
    {
        using var socket = dualStack
            ? new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) { DualMode = true }
            : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(dualStack ? IPAddress.IPv6Any : IPAddress.Loopback, 0));
        using UdpBatchReceiver? batch = UdpBatchReceiver.TryCreate(socket, 64);
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            Assert.Null(batch);
            return;
        }

        Assert.NotNull(batch);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var to = new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)socket.LocalEndPoint!).Port);
        for (int i = 0; i < 40; i++)
        {
            sender.SendTo(new byte[] { (byte)i, 1, 2, 3 }[..(1 + (i % 4))], to);
        }

        var received = new List<byte[]>();
        var from = new SocketAddress(socket.AddressFamily);
        int calls = 0;
        while (received.Count < 40 && calls++ < 200)
        {
            int count = batch.Receive(Wait, out bool refused);
            Assert.False(refused);
            Assert.InRange(count, 0, UdpBatchReceiver.Slots);
            for (int i = 0; i < count; i++)
            {
                received.Add(batch.Datagram(i).ToArray());
                batch.CopySender(i, from);
                var peer = (IPEndPoint)new IPEndPoint(dualStack ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(from);
                Assert.Equal(((IPEndPoint)sender.LocalEndPoint!).Port, peer.Port);
                Assert.Equal(IPAddress.Loopback, peer.Address.IsIPv4MappedToIPv6 ? peer.Address.MapToIPv4() : peer.Address);
            }
        }

        Assert.Equal(40, received.Count);
        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(new byte[] { (byte)i, 1, 2, 3 }[..(1 + (i % 4))], received[i]);
        }

        Assert.True(calls < 40, $"40 datagrams took {calls} calls: they were not batched");
    }

    [Fact]
    public void NothingQueued_ReturnsZeroAfterTheWait()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using UdpBatchReceiver? batch = UdpBatchReceiver.TryCreate(socket, 64);
        if (batch is null)
        {
            return;
        }

        Assert.Equal(0, batch.Receive(TimeSpan.FromMilliseconds(10), out bool refused));
        Assert.False(refused);
    }

    [Fact]
    public void AClosedSocket_EndsTheLoopWithObjectDisposed()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using UdpBatchReceiver? batch = UdpBatchReceiver.TryCreate(socket, 64);
        socket.Dispose();
        if (batch is null)
        {
            return;
        }

        Assert.Throws<ObjectDisposedException>(() => batch.Receive(Wait, out _));
    }
}
