namespace NetHub.TestKit.Liblo;

/// <summary>A message built with liblo's own API. Blobs created for it are freed with it.</summary>
public sealed class LibloMessage : IDisposable
{
    private readonly List<IntPtr> _blobs = [];
    private bool _owned = true;

    public LibloMessage() => Handle = LibloNative.lo_message_new();

    internal IntPtr Handle { get; }

    public LibloMessage Int32(int v) => Check(LibloNative.lo_message_add_int32(Handle, v));

    public LibloMessage Int64(long v) => Check(LibloNative.lo_message_add_int64(Handle, v));

    public LibloMessage Float(float v) => Check(LibloNative.lo_message_add_float(Handle, v));

    public LibloMessage Double(double v) => Check(LibloNative.lo_message_add_double(Handle, v));

    public LibloMessage String(string v) => Check(LibloNative.lo_message_add_string(Handle, v));

    public LibloMessage Symbol(string v) => Check(LibloNative.lo_message_add_symbol(Handle, v));

    public LibloMessage Char(char v) => Check(LibloNative.lo_message_add_char(Handle, (byte)v));

    public LibloMessage Midi(byte port, byte status, byte data1, byte data2) => Check(LibloNative.lo_message_add_midi(Handle, [port, status, data1, data2]));

    public LibloMessage TimeTag(uint seconds, uint fraction) => Check(LibloNative.lo_message_add_timetag(Handle, new LibloNative.TimeTag { Seconds = seconds, Fraction = fraction }));

    public LibloMessage True() => Check(LibloNative.lo_message_add_true(Handle));

    public LibloMessage False() => Check(LibloNative.lo_message_add_false(Handle));

    public LibloMessage Nil() => Check(LibloNative.lo_message_add_nil(Handle));

    public LibloMessage Infinitum() => Check(LibloNative.lo_message_add_infinitum(Handle));

    public LibloMessage Blob(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        IntPtr blob = LibloNative.lo_blob_new(data.Length, data);
        _blobs.Add(blob);
        return Check(LibloNative.lo_message_add_blob(Handle, blob));
    }

    /// <summary>Once added to a bundle, the bundle frees the message.</summary>
    internal void GiveToBundle() => _owned = false;

    public void Dispose()
    {
        if (_owned)
        {
            LibloNative.lo_message_free(Handle);
        }

        foreach (IntPtr blob in _blobs)
        {
            LibloNative.lo_blob_free(blob);
        }

        _blobs.Clear();
    }

    private LibloMessage Check(int result) =>
        result < 0 ? throw new InvalidOperationException($"liblo refused the argument ({result})") : this;
}
