using System.Net;
using System.Net.Sockets;
using NetHub.Osc;
using NetHub.TestKit;
using Xunit.Sdk;

namespace NetHub.Transports.Tests;

/// <summary>A plain UDP socket on loopback standing in for a tablet or a receiving application.</summary>
internal sealed class UdpPeer : IDisposable
{
    private readonly Socket _socket;

    public UdpPeer(IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(address, 0));
    }

    public IPEndPoint Local => (IPEndPoint)_socket.LocalEndPoint!;

    public string LocalText => NetAddress.Format(Local);

    public Socket Socket => _socket;

    public void Send(byte[] packet, IPEndPoint to) => _socket.SendTo(packet, to);

    public void Send(OscPacket packet, IPEndPoint to) => Send(OscCodec.Encode(packet), to);

    public byte[] Receive(TimeSpan? timeout = null)
    {
        _socket.ReceiveTimeout = (int)(timeout ?? TestTime.DefaultTimeout).TotalMilliseconds;
        byte[] buffer = new byte[65536];
        try
        {
            int n = _socket.Receive(buffer);
            return buffer[..n];
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut || ex.SocketErrorCode == SocketError.WouldBlock)
        {
            throw new XunitException($"nothing arrived at {Local} within {(timeout ?? TestTime.DefaultTimeout).TotalMilliseconds:0} ms");
        }
    }

    public OscPacket ReceiveOsc(TimeSpan? timeout = null) => OscCodec.Decode(Receive(timeout));

    public void Dispose() => _socket.Dispose();
}
