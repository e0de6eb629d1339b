using System.Runtime.InteropServices;

namespace NetHub.TestKit.Liblo;

/// <summary>
/// liblo's C API (Debian liblo7, installed by tests/run.sh), for interop tests that need what the
/// oscsend tool cannot do: blobs, timetags, bundles, SLIP over TCP.
/// </summary>
internal static partial class LibloNative
{
    public const int Udp = 0x1;
    public const int Tcp = 0x4;
    private const string Library = "liblo.so.7";

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeTag
    {
        public uint Seconds;
        public uint Fraction;
    }

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr lo_address_new_with_proto(int proto, string host, string port);

    [LibraryImport(Library)]
    public static partial int lo_address_set_stream_slip(IntPtr address, int enable);

    [LibraryImport(Library)]
    public static partial IntPtr lo_address_errstr(IntPtr address);

    [LibraryImport(Library)]
    public static partial void lo_address_free(IntPtr address);

    [LibraryImport(Library)]
    public static partial IntPtr lo_message_new();

    [LibraryImport(Library)]
    public static partial void lo_message_free(IntPtr message);

    [LibraryImport(Library)]
    public static partial int lo_message_add_int32(IntPtr message, int value);

    [LibraryImport(Library)]
    public static partial int lo_message_add_int64(IntPtr message, long value);

    [LibraryImport(Library)]
    public static partial int lo_message_add_float(IntPtr message, float value);

    [LibraryImport(Library)]
    public static partial int lo_message_add_double(IntPtr message, double value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int lo_message_add_string(IntPtr message, string value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int lo_message_add_symbol(IntPtr message, string value);

    [LibraryImport(Library)]
    public static partial int lo_message_add_char(IntPtr message, byte value);

    [LibraryImport(Library)]
    public static partial int lo_message_add_midi(IntPtr message, [MarshalAs(UnmanagedType.LPArray, SizeConst = 4)] byte[] value);

    [LibraryImport(Library)]
    public static partial int lo_message_add_timetag(IntPtr message, TimeTag value);

    [LibraryImport(Library)]
    public static partial int lo_message_add_blob(IntPtr message, IntPtr blob);

    [LibraryImport(Library)]
    public static partial int lo_message_add_true(IntPtr message);

    [LibraryImport(Library)]
    public static partial int lo_message_add_false(IntPtr message);

    [LibraryImport(Library)]
    public static partial int lo_message_add_nil(IntPtr message);

    [LibraryImport(Library)]
    public static partial int lo_message_add_infinitum(IntPtr message);

    [LibraryImport(Library)]
    public static partial IntPtr lo_blob_new(int size, [MarshalAs(UnmanagedType.LPArray)] byte[] data);

    [LibraryImport(Library)]
    public static partial void lo_blob_free(IntPtr blob);

    [LibraryImport(Library)]
    public static partial IntPtr lo_bundle_new(TimeTag time);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int lo_bundle_add_message(IntPtr bundle, string path, IntPtr message);

    [LibraryImport(Library)]
    public static partial int lo_bundle_add_bundle(IntPtr bundle, IntPtr inner);

    [LibraryImport(Library)]
    public static partial void lo_bundle_free_recursive(IntPtr bundle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int lo_send_message(IntPtr address, string path, IntPtr message);

    [LibraryImport(Library)]
    public static partial int lo_send_bundle(IntPtr address, IntPtr bundle);
}
