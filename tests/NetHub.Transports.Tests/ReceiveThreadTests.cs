using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Transports.Tests;

public sealed class ReceiveThreadTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void AFailureWhileRunning_FailsTheEndpoint_NotTheProcess()
    {
        var boom = new InvalidOperationException("bad datagram handling");

        ReceiveThread.Run(() => throw boom, TestActor.Ref, () => false);

        Assert.Same(boom, TestActor.ExpectMsg<ReceiveFailed>().Cause);
    }

    [Fact]
    public void AFailureWhileStopping_IsIgnored()
    {
        ReceiveThread.Run(() => throw new ObjectDisposedException("socket"), TestActor.Ref, () => true);

        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
