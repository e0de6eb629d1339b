using NetHub.Actors;

namespace NetHub.Transports;

/// <summary>Runs an endpoint's receive loop on its own thread so that nothing a peer sends can end the process.</summary>
internal static class ReceiveThread
{
    /// <summary>
    /// Runs <paramref name="loop"/>; an exception escaping it while the endpoint is not <paramref name="stopping"/> fails
    /// the endpoint (its supervisor restarts it) instead of the process. While stopping, whatever the closing socket
    /// did to a receive in flight no longer matters.
    /// </summary>
    public static void Run(Action loop, IActorRef self, Func<bool> stopping)
    {
        try
        {
            loop();
        }
        catch (Exception ex) when (!stopping())
        {
            self.Tell(new ReceiveFailed(ex));
        }
        catch (Exception) when (stopping())
        {
            // Stopping: nothing to report.
        }
    }
}
