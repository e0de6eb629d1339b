using System.Buffers;
using NetHub.Osc;

namespace NetHub.Node;

/// <summary>
/// Prints packets the way liblo's oscdump does: one line per message, "TIMETAG ADDRESS TYPES ARGS",
/// where TIMETAG is the enclosing bundle's time or, for a bare message or an "immediately" bundle, the
/// time it was received. Malformed packets are reported on stderr with the reason.
/// </summary>
internal sealed class DumpPrinter(TextWriter output, TextWriter error, int? count)
{
    private readonly Lock _lock = new();
    private int _printed;

    public event Action? Done;

    public void Print(ReadOnlySpan<byte> packet, string peer)
    {
        OscTimeTag received = OscTimeTag.FromDateTimeOffset(DateTimeOffset.UtcNow);
        if (OscCodec.TryDecode(packet, OscLimits.Default, out OscPacket? decoded, out OscError problem) != OperationStatus.Done)
        {
            Malformed(problem, peer);
            return;
        }

        lock (_lock)
        {
            PrintPacket(decoded!, received);
        }
    }

    public void Malformed(OscError problem, string peer)
    {
        lock (_lock)
        {
            error.WriteLine($"nethub osc dump: dropped a malformed packet from {peer}: {problem.Describe()}");
        }
    }

    private void PrintPacket(OscPacket packet, OscTimeTag time)
    {
        if (count is int limit && _printed >= limit)
        {
            return;
        }

        if (packet is OscBundle bundle)
        {
            OscTimeTag tag = bundle.TimeTag.IsImmediately ? time : bundle.TimeTag;
            foreach (OscPacket element in bundle.Elements)
            {
                PrintPacket(element, tag);
            }

            return;
        }

        output.WriteLine($"{time} {packet}");
        output.Flush();
        if (count is int max && ++_printed >= max)
        {
            Done?.Invoke();
        }
    }
}
