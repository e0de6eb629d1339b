using System.Buffers;
using System.Net;
using System.Net.Sockets;
using NetHub.Actors;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>The receive loop (its own thread) and sending (on the actor's turn).</summary>
public sealed partial class OscUdpEndpoint
{
    private static readonly TimeSpan StopCheck = TimeSpan.FromMilliseconds(250);

    private void ReceiveLoop(Socket socket, IActorRef self) => ReceiveThread.Run(() => ReceiveLoopCore(socket, self), self, () => _stopping);

    private void ReceiveLoopCore(Socket socket, IActorRef self)
    {
        int slotSize = Math.Min(_limits.MaxPacketSize + 1, MaxDatagram);
        using UdpBatchReceiver? batch = UdpBatchReceiver.TryCreate(socket, slotSize);
        if (batch is not null)
        {
            try
            {
                ReceiveBatches(batch, socket, self);
                return;
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                // No recvmmsg in this C library: receive one datagram at a time below.
            }
        }

        ReceiveSingly(socket, self);
    }

    private void ReceiveBatches(UdpBatchReceiver batch, Socket socket, IActorRef self)
    {
        var from = new SocketAddress(socket.AddressFamily);
        while (!_stopping)
        {
            int count;
            try
            {
                count = batch.Receive(StopCheck, out bool refused);
                if (refused)
                {
                    _inbound.Problem(nameof(SocketError.ConnectionRefused), "receive reported that an earlier send was refused (nothing listens at the destination)");
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                if (!_stopping)
                {
                    self.Tell(new ReceiveFailed(ex));
                }

                return;
            }

            if (_stopping)
            {
                // Stopping shuts the socket down, which ends the wait with an empty datagram from no one.
                return;
            }

            if (count == 0)
            {
                continue;
            }

            // The router (and an endpoint it sends to) runs on this thread once the batch is in: no pool wake-up.
            DateTimeOffset now = _time.GetUtcNow();
            using InlineRuns.Scope runs = InlineRuns.Begin();
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<byte> datagram = batch.Datagram(i);
                string? peer = batch.CopySender(i, from) ? _peers.Touch(from, datagram.Length, now).Address : null;
                _inbound.Process(datagram, peer, now);
            }
        }
    }

    private void ReceiveSingly(Socket socket, IActorRef self)
    {
        byte[] buffer = new byte[Math.Min(_limits.MaxPacketSize + 1, MaxDatagram)];
        var from = new SocketAddress(socket.AddressFamily);
        while (!_stopping)
        {
            int received;
            try
            {
                received = socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.MessageSize)
            {
                // An ICMP error for an earlier send, or an over-long datagram: not a reason to stop listening.
                _inbound.Problem(ex.SocketErrorCode.ToString(), $"receive reported {OscUdpEndpoint.Describe(ex)}");
                continue;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                if (!_stopping)
                {
                    self.Tell(new ReceiveFailed(ex));
                }

                return;
            }

            if (_stopping)
            {
                return;
            }

            DateTimeOffset now = _time.GetUtcNow();
            PeerEntry peer = _peers.Touch(from, received, now);
            using InlineRuns.Scope runs = InlineRuns.Begin();
            _inbound.Process(buffer.AsSpan(0, received), peer.Address, now);
        }
    }

    private void Send(SendMessage command)
    {
        SocketAddress? target = command.To is null ? _remote : ResolvePeer(command.To);
        string destination = command.To ?? _settings.Remote;
        if (target is null)
        {
            _counters.Drop("NoDestination");
            _inbound.Problem("NoDestination", command.To is null
                ? $"nowhere to send {command.Address}: no remote is configured and the message is not a reply to a peer"
                : $"cannot reply to '{command.To}': not an IP address and port", command.To);
            return;
        }

        try
        {
            _sendBuffer.ResetWrittenCount();
            Encode(command, _sendBuffer);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            _counters.Drop("Unconvertible");
            _inbound.Problem("Unconvertible", $"cannot send {command.Address} as OSC: {ex.Message}", command.To);
            return;
        }

        try
        {
            _socket!.SendTo(_sendBuffer.WrittenSpan, SocketFlags.None, target);
            _counters.MessageOut(_sendBuffer.WrittenCount);
            _history.Record(MessageDirection.Out, _sendBuffer.WrittenSpan, destination, _time.GetUtcNow());
        }
        catch (SocketException ex)
        {
            _counters.Drop("SendFailed");
            _inbound.Problem("SendFailed", $"cannot send {command.Address} to {destination}: {Describe(ex)}", command.To);
        }
    }

    /// <summary>
    /// Writes <paramref name="send"/>'s message as one OSC packet. A plain message is written straight from the send's
    /// address and arguments, with nothing built on the way (a fader stream allocates nothing here); one with a
    /// passed-through bundle time goes out as a bundle with that time.
    /// </summary>
    /// <exception cref="ArgumentException">The address is not a valid OSC address, or the payload cannot be OSC.</exception>
    /// <exception cref="FormatException">A JSON payload does not convert to OSC arguments.</exception>
    internal static void Encode(in SendMessage send, IBufferWriter<byte> output)
    {
        if (send.TimeTag is null)
        {
            OscCodec.WriteMessage(output, send.Address, PayloadConvert.ToOscArguments(send.Payload));
        }
        else
        {
            OscCodec.Encode(ToPacket(send.Message), output);
        }
    }

    /// <summary>A message with a passed-through bundle time goes out as a bundle with that time.</summary>
    internal static OscPacket ToPacket(HubMessage message)
    {
        OscMessage osc = PayloadConvert.ToOscMessage(message);
        return message.TimeTag is OscTimeTag tag ? new OscBundle(tag, osc) : osc;
    }

    private SocketAddress? ResolvePeer(string peer)
    {
        if (!IPEndPoint.TryParse(peer, out IPEndPoint? endPoint) || endPoint.Port == 0)
        {
            return null;
        }

        if (_socket!.AddressFamily == AddressFamily.InterNetworkV6 && endPoint.AddressFamily == AddressFamily.InterNetwork)
        {
            endPoint = new IPEndPoint(endPoint.Address.MapToIPv6(), endPoint.Port);
        }

        return endPoint.Serialize();
    }
}
