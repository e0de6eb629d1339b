using System.Buffers;
using System.Net;
using System.Net.Sockets;
using NetHub.Osc;
using NetHub.TestKit;
using Xunit.Sdk;

namespace NetHub.Transports.Tests;

/// <summary>A raw TCP connection on loopback that speaks framed OSC, standing in for a desk or a media server.</summary>
internal sealed class TcpPeer : IDisposable
{
    private readonly Socket _socket;
    private readonly OscFraming _framing;
    private byte[] _pending = [];

    private TcpPeer(Socket socket, OscFraming framing)
    {
        _socket = socket;
        _framing = framing;
    }

    public string LocalText => NetAddress.Format((IPEndPoint)_socket.LocalEndPoint!);

    public static TcpPeer Connect(IPEndPoint to, OscFraming framing)
    {
        var socket = new Socket(to.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(to);
        return new TcpPeer(socket, framing);
    }

    public static TcpPeer Accept(Socket listener, OscFraming framing)
    {
        listener.ReceiveTimeout = (int)TestTime.DefaultTimeout.TotalMilliseconds;
        if (!listener.Poll(TestTime.DefaultTimeout, SelectMode.SelectRead))
        {
            throw new XunitException("no connection arrived");
        }

        return new TcpPeer(listener.Accept(), framing);
    }

    public void SendRaw(byte[] bytes) => _socket.Send(bytes);

    public void Send(OscPacket packet)
    {
        var frame = new ArrayBufferWriter<byte>();
        OscStreamFraming.WriteFrame(_framing, OscCodec.Encode(packet), frame);
        _socket.Send(frame.WrittenSpan);
    }

    public OscPacket Receive(TimeSpan? timeout = null)
    {
        _socket.ReceiveTimeout = (int)(timeout ?? TestTime.DefaultTimeout).TotalMilliseconds;
        byte[] buffer = new byte[65536];
        var packet = new ArrayBufferWriter<byte>();
        while (true)
        {
            var input = new ReadOnlySequence<byte>(_pending);
            if (OscStreamFraming.TryReadFrame(_framing, input, 65536, packet, out SequencePosition consumed, out OscError error) == OperationStatus.Done)
            {
                _pending = input.Slice(consumed).ToArray();
                return OscCodec.Decode(packet.WrittenSpan);
            }

            if (error.Reason != default && packet.WrittenCount == 0 && !input.IsEmpty && OscStreamFraming.TryReadFrame(_framing, input, 65536, new ArrayBufferWriter<byte>(), out _, out _) == OperationStatus.InvalidData)
            {
                throw new XunitException($"unreadable stream: {error.Describe()}");
            }

            int n;
            try
            {
                n = _socket.Receive(buffer);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                throw new XunitException("no OSC packet arrived in time");
            }

            if (n == 0)
            {
                throw new XunitException("the connection closed");
            }

            _pending = [.. _pending, .. buffer.AsSpan(0, n)];
        }
    }

    /// <summary>True once the other side has closed the connection (reads return 0).</summary>
    public bool IsClosedByPeer(TimeSpan timeout)
    {
        _socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        try
        {
            byte[] one = new byte[1];
            return _socket.Receive(one) == 0;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset)
        {
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();
}
