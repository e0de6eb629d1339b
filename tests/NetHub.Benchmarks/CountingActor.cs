using NetHub.Actors;

namespace NetHub.Benchmarks;

/// <summary>Counts messages and completes the armed task when the expected number has arrived.</summary>
internal sealed class CountingActor : Actor
{
    public CountingActor(Target target) => ReceiveAny(_ => target.Count());

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
