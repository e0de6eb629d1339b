using NetHub.Actors;
using NetHub.Transports;

namespace NetHub.Benchmarks;

/// <summary>
/// Counts messages and completes the armed task when the expected number has arrived. A <see cref="SendBatch"/> counts
/// as the messages in it, as an endpoint sends each of them.
/// </summary>
internal sealed class CountingActor : Actor
{
    public CountingActor(Target target)
    {
        Receive<SendBatch>(batch =>
        {
            for (int i = 0; i < batch.Count; i++)
            {
                target.Count();
            }

            // As an endpoint does once it has written the batch out: the router reuses it.
            batch.Release();
        });
        ReceiveAny(_ => target.Count());
    }

    internal sealed class Target
    {
        private int _expected;
        private int _seen;
        private TaskCompletionSource _done = new();

        public Task Arm(int expected)
        {
            _expected = expected;
            _seen = 0;
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _done.Task;
        }

        public void Count()
        {
            if (++_seen == _expected)
            {
                _done.SetResult();
            }
        }
    }
}
