using NetHub.Actors;
using NetHub.TestKit;
using Xunit.Abstractions;

namespace NetHub.Actors.Tests;

/// <summary>
/// Which handler gets a message: the first registered whose type fits and whose predicate (if any) accepts, for every
/// message, whatever types came before it. The actor remembers what it decided for recent message types, so these
/// tests send long mixed sequences (more types than it remembers, the same type taken by a predicate one time and
/// not the next, handlers for a base type and an interface) and compare every answer with the rule.
/// </summary>
public sealed class HandlerSelectionTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void EveryMessage_GoesToTheFirstHandlerThatFitsAndAccepts()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new SelectingActor()), "selecting");
        object[] messages =
        [
            1, "a", 2.5, 'c', new Derived(1), new Base(2), 7L, "skip", 3, (short)4, new Derived(-1), "b", 12, -5, 2.5f,
            new Other(), 1, 1, "skip", "skip", "x", new Derived(5), 'z', 9L, new Base(0), -1, 0,
        ];
        for (int round = 0; round < 3; round++)
        {
            foreach (object message in messages)
            {
                actor.Tell(message, TestActor.Ref);
                TestActor.ExpectMsg(Expected(message));
            }
        }
    }

    [Fact]
    public void AfterBecome_TheNewHandlersDecide_EvenForTypesSeenBefore()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new SelectingActor()), "becoming");
        actor.Tell(5, TestActor.Ref);
        TestActor.ExpectMsg("positive int 5");
        actor.Tell(2.5, TestActor.Ref);
        TestActor.ExpectMsg("comparable 2.5");
        actor.Tell("switch", TestActor.Ref);
        TestActor.ExpectMsg("switched");
        actor.Tell(5, TestActor.Ref);
        TestActor.ExpectMsg("after: 5");
        actor.Tell("a", TestActor.Ref);
        TestActor.ExpectMsg("after: a");
        actor.Tell(2.5, TestActor.Ref);
        TestActor.ExpectMsg("after: 2.5");
    }

    /// <summary>The rule, written out for the handlers <see cref="SelectingActor"/> registers, in their order.</summary>
    private static string Expected(object message) => message switch
    {
        int i when i > 0 => $"positive int {i}",
        "skip" => "skipped string",
        string s => $"string {s}",
        int i => $"other int {i}",
        Derived d when d.Value > 0 => $"positive derived {d.Value}",
        Base b => $"base {b.Value}",
        IComparable c => $"comparable {c}",
        _ => $"any {message.GetType().Name}",
    };

    private class Base(int value)
    {
        public int Value { get; } = value;
    }

    private sealed class Derived(int value) : Base(value);

    private sealed class Other;

    private sealed class SelectingActor : Actor
    {
        public SelectingActor()
        {
            Receive<string>(s => s == "switch", _ =>
            {
                Become(() => ReceiveAny(m => Reply($"after: {m}")));
                Reply("switched");
            });
            Receive<int>(i => i > 0, i => Reply($"positive int {i}"));
            Receive<string>(s => s == "skip", _ => Reply("skipped string"));
            Receive<string>(s => Reply($"string {s}"));
            Receive<int>(i => Reply($"other int {i}"));
            Receive<Derived>(d => d.Value > 0, d => Reply($"positive derived {d.Value}"));
            Receive<Base>(b => Reply($"base {b.Value}"));
            Receive<IComparable>(c => Reply($"comparable {c}"));
            ReceiveAny(m => Reply($"any {m.GetType().Name}"));
        }

        private void Reply(string answer) => Sender.Tell(answer);
    }
}
