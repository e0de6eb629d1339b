using System.Threading.Channels;

namespace NetHub.Benchmarks;

/// <summary>
/// The anchor the hop benchmarks are measured against: a number of writes of one preallocated object
/// into an unbounded single-reader <see cref="Channel{T}"/>, drained by a consumer task.
/// </summary>
internal static class ChannelHopAnchor
{
    private static readonly object Payload = new();

    public static async Task Run(int messages)
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        Task consumer = Consume(channel.Reader, messages);
        ChannelWriter<object> writer = channel.Writer;
        for (int i = 0; i < messages; i++)
        {
            writer.TryWrite(Payload);
        }

        await consumer.ConfigureAwait(false);
    }

    private static async Task Consume(ChannelReader<object> reader, int messages)
    {
        int seen = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out _))
            {
                if (++seen == messages)
                {
                    return;
                }
            }
        }
    }
}
