namespace NetHub.Actors;

/// <summary>
/// Brings the result of work running outside an actor (a socket connect, a DNS lookup) back into it as
/// a message, so the actor never blocks and its state is only touched on its own turn (Akka's PipeTo).
/// </summary>
public static class PipeToExtensions
{
    public static void PipeTo<T>(this Task<T> task, IActorRef recipient, Func<T, object> success, Func<Exception, object> failure)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(success);
        ArgumentNullException.ThrowIfNull(failure);
        task.ContinueWith(
            static (t, state) =>
            {
                var (to, ok, fail) = ((IActorRef, Func<T, object>, Func<Exception, object>))state!;
                to.Tell(t.IsCompletedSuccessfully ? ok(t.Result) : fail(Unwrap(t)));
            },
            (recipient, success, failure),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public static void PipeTo(this Task task, IActorRef recipient, Func<object> success, Func<Exception, object> failure)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(success);
        ArgumentNullException.ThrowIfNull(failure);
        task.ContinueWith(
            static (t, state) =>
            {
                var (to, ok, fail) = ((IActorRef, Func<object>, Func<Exception, object>))state!;
                to.Tell(t.IsCompletedSuccessfully ? ok() : fail(Unwrap(t)));
            },
            (recipient, success, failure),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static Exception Unwrap(Task task) => task.IsCanceled
        ? new TaskCanceledException(task)
        : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
}
