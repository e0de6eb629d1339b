namespace NetHub.TestKit.Liblo;

/// <summary>A bundle built with liblo's API; it owns the messages and bundles added to it.</summary>
public sealed class LibloBundle : IDisposable
{
    private readonly List<LibloMessage> _messages = [];
    private bool _owned = true;

    public LibloBundle(uint seconds, uint fraction) =>
        Handle = LibloNative.lo_bundle_new(new LibloNative.TimeTag { Seconds = seconds, Fraction = fraction });

    /// <summary>liblo's "immediately" (0.1).</summary>
    public static LibloBundle Immediately() => new(0, 1);

    internal IntPtr Handle { get; }

    public LibloBundle Add(string path, LibloMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (LibloNative.lo_bundle_add_message(Handle, path, message.Handle) != 0)
        {
            throw new InvalidOperationException($"liblo refused to add {path} to the bundle");
        }

        message.GiveToBundle();
        _messages.Add(message);
        return this;
    }

    public LibloBundle Add(LibloBundle inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (LibloNative.lo_bundle_add_bundle(Handle, inner.Handle) != 0)
        {
            throw new InvalidOperationException("liblo refused to nest the bundle");
        }

        inner._owned = false;
        return this;
    }

    public void Dispose()
    {
        if (_owned)
        {
            LibloNative.lo_bundle_free_recursive(Handle);
        }

        // Blobs belong to the message objects, which the bundle no longer frees.
        foreach (LibloMessage message in _messages)
        {
            message.Dispose();
        }
    }
}
