using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace NetHub.Transports;

/// <summary>
/// Receives up to <see cref="Slots"/> datagrams per system call with Linux's <c>recvmmsg</c>, as the kernel floor in
/// bench/udp-receive.sh does: one <c>recvfrom</c> per datagram costs about as much as handling the datagram, so
/// batching is what lets a busy fader stream through. Buffers, iovecs and address slots are allocated once, pinned,
/// and reused. Only on 64-bit Linux (the struct layouts below are LP64); elsewhere <see cref="TryCreate"/> returns
/// null and the endpoint receives one datagram at a time.
/// </summary>
internal sealed unsafe partial class UdpBatchReceiver : IDisposable
{
    /// <summary>Datagrams per system call.</summary>
    public const int Slots = 16;

    private const int AddressCapacity = 128; // sizeof(struct sockaddr_storage)
    private const int MsgWaitForOne = 0x10000;
    private const int EAgain = 11;
    private const int EIntr = 4;
    private const int EConnRefused = 111;

    private readonly Socket _socket;
    private readonly byte[] _buffers;
    private readonly int _slotSize;
    private readonly byte[] _addresses;
    private readonly MMsgHdr* _headers;
    private readonly IoVec* _vectors;
    private readonly GCHandle _buffersPin;
    private readonly GCHandle _addressesPin;

    private UdpBatchReceiver(Socket socket, int slotSize)
    {
        _socket = socket;
        _slotSize = slotSize;
        _buffers = new byte[Slots * slotSize];
        _addresses = new byte[Slots * AddressCapacity];
        _buffersPin = GCHandle.Alloc(_buffers, GCHandleType.Pinned);
        _addressesPin = GCHandle.Alloc(_addresses, GCHandleType.Pinned);
        _headers = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)(Slots * sizeof(MMsgHdr)));
        _vectors = (IoVec*)NativeMemory.AllocZeroed((nuint)(Slots * sizeof(IoVec)));
        byte* buffers = (byte*)_buffersPin.AddrOfPinnedObject();
        byte* addresses = (byte*)_addressesPin.AddrOfPinnedObject();
        for (int i = 0; i < Slots; i++)
        {
            _vectors[i].Base = buffers + (i * slotSize);
            _vectors[i].Length = (nuint)slotSize;
            _headers[i].Header.Name = addresses + (i * AddressCapacity);
            _headers[i].Header.Vectors = &_vectors[i];
            _headers[i].Header.VectorCount = 1;
        }
    }

    /// <summary>A batch receiver for <paramref name="socket"/>, or null where <c>recvmmsg</c> is not available.</summary>
    public static UdpBatchReceiver? TryCreate(Socket socket, int slotSize)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || sizeof(MMsgHdr) != 64)
        {
            return null;
        }

        // A blocked call returns at least this often, so a stopping endpoint's thread ends promptly.
        socket.ReceiveTimeout = 250;
        return new UdpBatchReceiver(socket, slotSize);
    }

    /// <summary>
    /// Waits for at least one datagram (at most <paramref name="wait"/>) and receives what is queued, up to
    /// <see cref="Slots"/>. Returns the count (0 when the wait ended with nothing); throws
    /// <see cref="SocketException"/> for a socket error other than a refused earlier send, which is reported
    /// through <paramref name="refused"/>.
    /// </summary>
    public int Receive(TimeSpan wait, out bool refused)
    {
        refused = false;
        bool added = false;
        SafeHandle handle = _socket.SafeHandle;
        try
        {
            // Keeps the descriptor from being closed (and its number reused) while the call runs.
            handle.DangerousAddRef(ref added);
            int fd = (int)handle.DangerousGetHandle();
            for (int i = 0; i < Slots; i++)
            {
                _headers[i].Header.NameLength = AddressCapacity;
                _headers[i].Header.Flags = 0;
                _headers[i].Length = 0;
            }

            // Blocks for the first datagram (up to the socket's receive timeout), then takes what is queued.
            int count = RecvMMsg(fd, _headers, Slots, MsgWaitForOne, null);
            if (count >= 0)
            {
                return count;
            }

            int error = Marshal.GetLastPInvokeError();
            if (error == EConnRefused)
            {
                refused = true;
                return 0;
            }

            if (error is not (EAgain or EIntr))
            {
                throw new SocketException(error);
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        // The receive timeout passed, or the descriptor is non-blocking and nothing was queued: wait until readable,
        // bounded so a stopping endpoint is noticed.
        _socket.Poll(wait, SelectMode.SelectRead);
        return 0;
    }

    /// <summary>The bytes of datagram <paramref name="index"/> of the last batch.</summary>
    public ReadOnlySpan<byte> Datagram(int index) => _buffers.AsSpan(index * _slotSize, (int)_headers[index].Length);

    /// <summary>
    /// Copies the sender of datagram <paramref name="index"/> into <paramref name="address"/> (the native sockaddr, as
    /// .NET keeps it); false when the kernel gave no usable sender address.
    /// </summary>
    public bool CopySender(int index, SocketAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        uint length = _headers[index].Header.NameLength;
        if (length < 2 || length > (uint)address.Buffer.Length)
        {
            return false;
        }

        _addresses.AsSpan(index * AddressCapacity, (int)length).CopyTo(address.Buffer.Span);
        address.Size = (int)length;
        return true;
    }

    public void Dispose()
    {
        NativeMemory.Free(_headers);
        NativeMemory.Free(_vectors);
        _buffersPin.Free();
        _addressesPin.Free();
    }

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    private static partial int RecvMMsg(int fd, MMsgHdr* messages, uint count, int flags, void* timeout);

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public byte* Name;
        public uint NameLength;
        public IoVec* Vectors;
        public nuint VectorCount;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MMsgHdr
    {
        public MsgHdr Header;
        public uint Length;
    }
}
