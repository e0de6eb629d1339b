using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

public sealed class ActorSystemTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void Paths_AreHierarchical()
    {
        IActorRef parent = Sys.ActorOf(Props.Create(() => new SupervisorActor(SupervisorStrategy.Default)), "hub");
        TestActor.Send(parent, new CreateChild(Props.Create(() => new ForwardActor(TestActor.Ref)), "router"));
        IActorRef child = TestActor.ExpectMsg<IActorRef>();

        Assert.Equal("/user/hub/router", child.Path.ToStringWithoutAddress());
        Assert.Equal($"nethub://{Sys.Name}/user/hub/router", child.Path.ToString());
        Assert.Equal(parent.Path, child.Path.Parent);
        Assert.Equal("router", child.Path.Name);
    }

    [Fact]
    public void TryResolve_FindsLiveActorsByPath()
    {
        IActorRef parent = Sys.ActorOf(Props.Create(() => new SupervisorActor(SupervisorStrategy.Default)), "hub");
        TestActor.Send(parent, new CreateChild(Props.Create(() => new ForwardActor(TestActor.Ref)), "router"));
        IActorRef child = TestActor.ExpectMsg<IActorRef>();

        Assert.True(Sys.TryResolve("/user/hub/router", out IActorRef? found));
        Assert.Same(child, found);
        Assert.True(Sys.TryResolve($"nethub://{Sys.Name}/user/hub", out found));
        Assert.Same(parent, found);
        Assert.False(Sys.TryResolve("/user/hub/missing", out _));
        Assert.False(Sys.TryResolve("nethub://other-system/user/hub", out _));
        Assert.True(Sys.TryResolve("/deadLetters", out found));
        Assert.Same(Sys.DeadLetters, found);

        TestActor.Watch(child);
        Sys.Stop(child);
        TestActor.ExpectTerminated(child);
        Assert.False(Sys.TryResolve("/user/hub/router", out _));
    }

    [Fact]
    public void DuplicateName_IsRefused()
    {
        Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)), "osc-in");
        var ex = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)), "osc-in"));
        Assert.Contains("'osc-in' is not unique under nethub://", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("ümlaut")]
    public void InvalidName_IsRefused(string name) =>
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)), name));

    [Fact]
    public void GeneratedNames_AreUniqueAndMarked()
    {
        IActorRef a = Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)));
        IActorRef b = Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)));
        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Path, b.Path);
    }

    [Fact]
    public void NewIncarnation_WithSameName_IsADifferentRef()
    {
        IActorRef first = Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)), "device");
        TestActor.Watch(first);
        Sys.Stop(first);
        TestActor.ExpectTerminated(first);

        IActorRef second = Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)), "device");

        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first.Path.Uid, second.Path.Uid);
        Assert.NotSame(first, second);
        Assert.True(first.IsTerminated());
        Assert.False(second.IsTerminated());
    }

    [Fact]
    public void ActorOf_AfterTerminate_IsRefused()
    {
        Shutdown();
        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)), "late"));
    }

    [Fact]
    public void UnknownDispatcher_IsRefusedWithTheKnownNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create(() => new ForwardActor(TestActor.Ref)).WithDispatcher("gpu"), "x"));
        Assert.Contains("infrastructure", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Props_AreImmutableCopies()
    {
        Props original = Props.Create(() => new ForwardActor(TestActor.Ref));
        Props changed = original.WithDispatcher("infrastructure").WithMailbox("latest-value").WithStashCapacity(5);

        Assert.Equal("default", original.Dispatcher);
        Assert.Equal("default", original.MailboxName);
        Assert.Null(original.StashCapacity);
        Assert.Equal("infrastructure", changed.Dispatcher);
        Assert.Equal("latest-value", changed.MailboxName);
        Assert.Equal(5, changed.StashCapacity);
        Assert.Equal(typeof(ForwardActor), changed.ActorType);
    }
}
