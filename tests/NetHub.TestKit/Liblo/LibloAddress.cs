using System.Globalization;
using System.Runtime.InteropServices;

namespace NetHub.TestKit.Liblo;

/// <summary>A liblo destination: UDP, or TCP with liblo's default size-prefix framing or SLIP.</summary>
public sealed class LibloAddress : IDisposable
{
    private readonly IntPtr _handle;

    private LibloAddress(int proto, string host, int port)
    {
        _handle = LibloNative.lo_address_new_with_proto(proto, host, port.ToString(CultureInfo.InvariantCulture));
        if (_handle == IntPtr.Zero)
        {
            throw new InvalidOperationException($"liblo could not make an address for {host}:{port}");
        }
    }

    public static LibloAddress Udp(string host, int port) => new(LibloNative.Udp, host, port);

    public static LibloAddress Tcp(string host, int port, bool slip)
    {
        var address = new LibloAddress(LibloNative.Tcp, host, port);
        _ = LibloNative.lo_address_set_stream_slip(address._handle, slip ? 1 : 0); // returns the previous setting
        return address;
    }

    public void Send(string path, LibloMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Check(LibloNative.lo_send_message(_handle, path, message.Handle));
    }

    public void Send(LibloBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        Check(LibloNative.lo_send_bundle(_handle, bundle.Handle));
    }

    public void Dispose() => LibloNative.lo_address_free(_handle);

    private void Check(int result)
    {
        if (result < 0)
        {
            throw new InvalidOperationException($"liblo send failed: {Marshal.PtrToStringUTF8(LibloNative.lo_address_errstr(_handle))}");
        }
    }
}
