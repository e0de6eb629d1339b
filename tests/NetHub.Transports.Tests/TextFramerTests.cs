using System.Text;

namespace NetHub.Transports.Tests;

public sealed class TextFramerTests
{
    private readonly List<string> _messages = [];
    private int _tooLong;

    private TextFramer Framer(TextFraming framing, int max = 64) =>
        new(framing, max, m => _messages.Add(Encoding.UTF8.GetString(m)), () => _tooLong++);

    private static void Push(TextFramer framer, string text) => framer.Push(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Line_SplitAcrossPushes_IsJoined()
    {
        TextFramer framer = Framer(TextFraming.Line);

        Push(framer, "CMD:");
        Assert.Empty(_messages);
        Push(framer, "GO");
        Push(framer, "\n");

        Assert.Equal(["CMD:GO"], _messages);
    }

    [Fact]
    public void Line_SeveralInOnePush_AreHandedOutInOrder()
    {
        TextFramer framer = Framer(TextFraming.Line);

        Push(framer, "{\"cue\":1}\nCMD:GO\nx=1,y=2\npartial");

        Assert.Equal(["{\"cue\":1}", "CMD:GO", "x=1,y=2"], _messages);
        Push(framer, "\n");
        Assert.Equal("partial", _messages[^1]);
    }

    [Fact]
    public void Line_CrBeforeLfIsDropped_EvenWhenSplitBetweenPushes_AndBlankLinesAreSkipped()
    {
        TextFramer framer = Framer(TextFraming.Line);

        Push(framer, "hello\r\n\r\n\nwor");
        Push(framer, "ld\r");
        Push(framer, "\n");

        Assert.Equal(["hello", "world"], _messages);
    }

    [Fact]
    public void Line_ACrInsideTheTextIsKept()
    {
        TextFramer framer = Framer(TextFraming.Line);

        Push(framer, "a\rb\n");

        Assert.Equal(["a\rb"], _messages);
    }

    [Fact]
    public void Nul_ZeroByteEndsAMessage()
    {
        TextFramer framer = Framer(TextFraming.Nul);

        Push(framer, "abc\0de");
        Push(framer, "f\0line\nstays\0");

        Assert.Equal(["abc", "def", "line\nstays"], _messages);
    }

    [Fact]
    public void None_EachPushIsOneMessage()
    {
        TextFramer framer = Framer(TextFraming.None);

        Push(framer, "one\ntwo");
        Push(framer, "three");

        Assert.Equal(["one\ntwo", "three"], _messages);
    }

    [Fact]
    public void Flush_HandsOutTheUnterminatedRest_Once()
    {
        TextFramer framer = Framer(TextFraming.Line);

        Push(framer, "a\nlast words");
        framer.Flush();
        framer.Flush();

        Assert.Equal(["a", "last words"], _messages);
    }

    [Fact]
    public void TooLong_InOnePush_IsCountedAndTheNextMessageArrives()
    {
        TextFramer framer = Framer(TextFraming.Line, max: 8);

        Push(framer, "123456789\nok\n");

        Assert.Equal(1, _tooLong);
        Assert.Equal(["ok"], _messages);
    }

    [Fact]
    public void TooLong_WhileStreaming_IsDiscardedUpToItsTerminator_AndCountedOnce()
    {
        TextFramer framer = Framer(TextFraming.Line, max: 8);

        Push(framer, "12345");
        Push(framer, "67890");
        Assert.Equal(1, _tooLong);
        Push(framer, "abcdefghijklmnop");
        Push(framer, "tail\nnext\n");

        Assert.Equal(1, _tooLong);
        Assert.Equal(["next"], _messages);
    }

    [Fact]
    public void TooLong_HeldPartThenTerminatorBeyondLimit_IsCounted()
    {
        TextFramer framer = Framer(TextFraming.Nul, max: 8);

        Push(framer, "12345");
        Push(framer, "6789\0ok\0");

        Assert.Equal(1, _tooLong);
        Assert.Equal(["ok"], _messages);
    }

    [Fact]
    public void ExactlyMaxMessage_IsAccepted_WithOrWithoutCr()
    {
        TextFramer framer = Framer(TextFraming.Line, max: 8);

        Push(framer, "12345678\r");
        Push(framer, "\n87654321\n");

        Assert.Equal(0, _tooLong);
        Assert.Equal(["12345678", "87654321"], _messages);
    }

    [Fact]
    public void None_LongerThanMax_IsCounted()
    {
        TextFramer framer = Framer(TextFraming.None, max: 4);

        Push(framer, "12345");
        Push(framer, "1234");

        Assert.Equal(1, _tooLong);
        Assert.Equal(["1234"], _messages);
    }

    [Fact]
    public void Flush_AfterADiscardedTail_DeliversNothing_AndResets()
    {
        TextFramer framer = Framer(TextFraming.Line, max: 4);

        Push(framer, "123456");
        framer.Flush();
        Push(framer, "ok\n");

        Assert.Equal(1, _tooLong);
        Assert.Equal(["ok"], _messages);
    }

    [Fact]
    public void EveryPushSplit_GivesTheSameMessages()
    {
        byte[] stream = Encoding.UTF8.GetBytes("alpha\r\nbeta\n\ngamma é\n");
        for (int cut = 0; cut <= stream.Length; cut++)
        {
            _messages.Clear();
            TextFramer framer = Framer(TextFraming.Line);
            framer.Push(stream.AsSpan(0, cut));
            framer.Push(stream.AsSpan(cut));
            Assert.Equal(["alpha", "beta", "gamma é"], _messages);
        }
    }
}
