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

    /// <summary>
    /// The same number of writes through two raw hops in a row, as a routed message crosses two mailboxes (the
    /// router's, then the endpoint's): a relay task moves each item from the first channel to the second.
    /// </summary>
    public static async Task RunTwoHops(int messages)
    {
        var first = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var second = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        Task relay = Relay(first.Reader, second.Writer, messages);
        Task consumer = Consume(second.Reader, messages);
        ChannelWriter<object> writer = first.Writer;
        for (int i = 0; i < messages; i++)
        {
            writer.TryWrite(Payload);
        }

        await relay.ConfigureAwait(false);
        await consumer.ConfigureAwait(false);
    }

    private static async Task Relay(ChannelReader<object> reader, ChannelWriter<object> writer, int messages)
    {
        int moved = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out object? item))
            {
                writer.TryWrite(item);
                if (++moved == messages)
                {
                    return;
                }
            }
        }
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
