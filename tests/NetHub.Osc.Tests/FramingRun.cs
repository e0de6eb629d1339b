using System.Buffers;

namespace NetHub.Osc.Tests;

/// <summary>The outcome of reading frames from one input until the reader stops, as a pipe reader loop would.</summary>
internal sealed record FramingRun(List<byte[]> Packets, OperationStatus Status, long Consumed, OscError Error, List<OscError> Skipped)
{
    /// <summary>
    /// Reads frames until <see cref="OperationStatus.NeedMoreData"/> or an error the reader cannot skip. Checks the
    /// contract on the way: nothing written and nothing consumed on NeedMoreData, progress on every other result.
    /// </summary>
    public static FramingRun ReadAll(OscFraming framing, ReadOnlySequence<byte> input, int maxPacketSize = 65536)
    {
        var packets = new List<byte[]>();
        var skipped = new List<OscError>();
        var writer = new ArrayBufferWriter<byte>();
        ReadOnlySequence<byte> rest = input;
        while (true)
        {
            writer.ResetWrittenCount();
            OperationStatus status = OscStreamFraming.TryReadFrame(framing, rest, maxPacketSize, writer, out SequencePosition consumed, out OscError error);
            long progress = rest.Slice(rest.Start, consumed).Length;
            switch (status)
            {
                case OperationStatus.Done:
                    Assert.True(progress > 0, "a frame was read without consuming it");
                    packets.Add(writer.WrittenSpan.ToArray());
                    break;
                case OperationStatus.NeedMoreData:
                    Assert.Equal(0, progress);
                    Assert.Equal(0, writer.WrittenCount);
                    return new FramingRun(packets, status, input.Length - rest.Length, error, skipped);
                default:
                    Assert.Equal(0, writer.WrittenCount);
                    if (progress == 0)
                    {
                        return new FramingRun(packets, status, input.Length - rest.Length, error, skipped);
                    }

                    skipped.Add(error);
                    break;
            }

            rest = rest.Slice(consumed);
        }
    }
}
