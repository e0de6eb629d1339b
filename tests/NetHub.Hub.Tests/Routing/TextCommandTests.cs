using System.Text.Json;
using NetHub.Hub.Routing;
using NetHub.Messages;
using NetHub.Osc;
using NetHub.Transports;
using Xunit.Abstractions;

namespace NetHub.Hub.Tests.Routing;

public sealed class TextCommandTests(ITestOutputHelper output) : RouterTestKit(output)
{
    private const string Show = """nethub.commands { json = [panel], cmd = [props] }""";

    private static HubMessage Text(string endpoint, string text) =>
        HubMessage.Create(DateTimeOffset.UnixEpoch, new MessageSource("stage", endpoint, "10.0.0.9:5000"), "/text", new TextPayload(text));

    private string ReplyText(string endpoint)
    {
        SendMessage reply = ExpectSend(endpoint, "/reply");
        Assert.Equal("10.0.0.9:5000", reply.To);
        return ((TextPayload)reply.Message.Payload).Text;
    }

    [Theory]
    [InlineData("""{"command": "cue", "action": "go", "list": "main"}""", "CueGo")]
    [InlineData("""{"command": "cue", "action": "goto", "cue": 12.5}""", "CueGoto")]
    [InlineData("""{"command": "cue", "action": "back"}""", "CueBack")]
    [InlineData("""{"command": "cue", "action": "stop"}""", "CueStop")]
    [InlineData("""{"command": "scene", "name": "intro", "fade": 2}""", "SceneRecall")]
    [InlineData("""{"command": "scene", "name": "intro", "action": "snapshot"}""", "SceneSnapshot")]
    [InlineData("""{"command": "panic"}""", "Panic")]
    [InlineData("CMD:GO:main", "CueGo")]
    [InlineData("CMD:GOTO:7", "CueGoto")]
    [InlineData("CMD:SCENE:intro:1.5", "SceneRecall")]
    [InlineData("CMD:EMERGENCY_STOP", "Panic")]
    [InlineData("cmd:panic", "Panic")]
    public void Parse_EachCommand(string text, string expected)
    {
        TextProtocol protocol = text.StartsWith('{') ? TextProtocol.Json : TextProtocol.Cmd;

        TextCommand? command = TextCommands.Parse(protocol, text, "panel", out string? problem);

        Assert.True(command?.Show is not null, problem);
        Assert.Equal(expected, command.Show.GetType().Name);
    }

    [Fact]
    public void Parse_Details()
    {
        Assert.Equal(new CueGoto("12.5", null, "o"), TextCommands.Parse(TextProtocol.Json, """{"command":"cue","action":"goto","cue":12.5}""", "o", out _)!.Show);
        Assert.Equal(new SceneRecall("intro", TimeSpan.FromSeconds(1.5), "o"), TextCommands.Parse(TextProtocol.Cmd, "CMD:SCENE:intro:1.5", "o", out _)!.Show);
        Assert.Equal(new CueGo("main", "o"), TextCommands.Parse(TextProtocol.Cmd, " CMD:GO:main\r", "o", out _)!.Show);
        SetValue set = TextCommands.Parse(TextProtocol.Json, """{"command":"set","target":"td:/ch/1","value":[0.5, "x", true]}""", "o", out _)!.Set!;
        Assert.Equal(ValueTarget.Parse("td:/ch/1"), set.Target);
        Assert.Equal([OscArgument.Float32(0.5f), OscArgument.String("x"), OscArgument.True], set.Value);
        Assert.True(TextCommands.Parse(TextProtocol.Cmd, "CMD:STATUS", "o", out _)!.Status);
        SetValue parameter = TextCommands.Parse(TextProtocol.Json, """{"command":"set_parameter","endpoint":"td","operator":"/project1/cam1/","parameter":"tx","value":3}""", "o", out _)!.Set!;
        Assert.Equal(new ValueTarget("td", "/project1/cam1/tx"), parameter.Target);
        Assert.Equal([OscArgument.Int32(3)], parameter.Value);
        Assert.Equal(new ValueTarget("td", "/a"), TextCommands.Parse(TextProtocol.Json, """{"command":"set_parameter","target":"td:/a","value":1}""", "o", out _)!.Set!.Target);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"cmd": "go"}""", "expected an object with a \"command\"")]
    [InlineData("""{"command": "launch"}""", "unknown command \"launch\"")]
    [InlineData("""{"command": "set", "target": "nowhere", "value": 1}""", "endpoint:/address")]
    [InlineData("""{"command": "set", "target": "td:/x"}""", "needs \"value\"")]
    [InlineData("""{"command": "set_parameter", "operator": "/project1/cam1", "parameter": "tx", "value": 1}""", "set_parameter needs \"endpoint\"")]
    [InlineData("""{"command": "set_parameter", "endpoint": "td", "operator": "project1", "parameter": "tx", "value": 1}""", "the operator is a path starting with '/'")]
    [InlineData("""{"command": "set_parameter", "endpoint": "td", "operator": "/cam1", "parameter": "t/x", "value": 1}""", "the parameter one name")]
    [InlineData("""{"command": "set_parameter", "endpoint": "t d", "operator": "/cam1", "parameter": "tx", "value": 1}""", "is not an endpoint name")]
    [InlineData("""{"command": "set_parameter", "endpoint": "td", "operator": "/cam1", "parameter": "tx"}""", "needs \"value\"")]
    [InlineData("""{"command": "scene", "name": "a", "fade": -1}""", "from 0 to 3600")]
    [InlineData("""{"command": "cue", "action": "goto"}""", "goto needs the cue number")]
    [InlineData("""{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":1}}}}}}}}}""", "not valid JSON")]
    [InlineData("CMD:LAUNCH", "unknown command \"LAUNCH\"")]
    [InlineData("CMD:SCENE", "needs a scene name")]
    public void Parse_Refusals_SayWhy(string text, string expected)
    {
        TextProtocol protocol = text.StartsWith("CMD", StringComparison.Ordinal) ? TextProtocol.Cmd : TextProtocol.Json;

        Assert.Null(TextCommands.Parse(protocol, text, "o", out string? problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_IsRefused()
    {
        Assert.Null(TextCommands.Parse(TextProtocol.Json, "{" + new string(' ', TextCommands.MaxLength) + "}", "o", out string? problem));
        Assert.Contains("at most", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CommandGoesToCues_AndTheAnswerIsJsonToTheSender()
    {
        StartRouter(Show, ["panel", "props"]);

        Router.Tell(Text("panel", """{"command": "cue", "action": "go"}"""));

        Assert.Equal("panel 10.0.0.9:5000", Cues.ExpectMsg<CueGo>().Origin);
        Cues.Reply(CommandResult.Done("GO main: cue 1 fired"));
        using JsonDocument reply = JsonDocument.Parse(ReplyText("panel"));
        Assert.True(reply.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("GO main: cue 1 fired", reply.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void Json_Set_SetsTheValue_AndAnswers()
    {
        StartRouter(Show, ["panel", "props", "td"]);

        Router.Tell(Text("panel", """{"command": "set", "target": "td:/mixer/ch/1/gain", "value": 0.5}"""));

        Assert.Equal([OscArgument.Float32(0.5f)], Args(ExpectSend("td", "/mixer/ch/1/gain")));
        Assert.Contains("set td:/mixer/ch/1/gain to 0.5", ReplyText("panel"), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_SetParameter_TheSeedsCommand_SetsTheOperatorsParameter()
    {
        StartRouter(Show, ["panel", "props", "td"]);

        Router.Tell(Text("panel", """{"command": "set_parameter", "endpoint": "td", "operator": "/project1/cam1", "parameter": "tx", "value": 2.5}"""));

        Assert.Equal([OscArgument.Float32(2.5f)], Args(ExpectSend("td", "/project1/cam1/tx")));
        Assert.Contains("set td:/project1/cam1/tx to 2.5", ReplyText("panel"), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Status_AndABadCommand()
    {
        StartRouter(Show, ["panel", "props"]);

        Router.Tell(Text("panel", """{"command": "get_status"}"""));
        Router.Tell(Text("panel", """{"command": 7}"""));

        using JsonDocument status = JsonDocument.Parse(ReplyText("panel"));
        Assert.Equal("stage", status.RootElement.GetProperty("node").GetString());
        Assert.Equal(1, status.RootElement.GetProperty("counters").GetProperty("commands").GetInt64());
        using JsonDocument refused = JsonDocument.Parse(ReplyText("panel"));
        Assert.False(refused.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(1, Counters().Failures["BadCommand"]);
    }

    [Fact]
    public void Cmd_Lines_AreAnsweredWithOkOrError()
    {
        StartRouter(Show, ["panel", "props"]);

        Router.Tell(Text("props", "CMD:EMERGENCY_STOP"));
        Assert.Equal("props 10.0.0.9:5000", Cues.ExpectMsg<Panic>().Origin);
        Cues.Reply(CommandResult.Done("PANIC: stopped 0 cue(s)"));
        Assert.Equal("OK:PANIC: stopped 0 cue(s)", ReplyText("props"));

        Router.Tell(Text("props", "CMD:STATUS"));
        Assert.StartsWith("STATUS:node stage", ReplyText("props"), StringComparison.Ordinal);

        Router.Tell(Text("props", "CMD:FLY"));
        Assert.StartsWith("ERROR:unknown command \"FLY\"", ReplyText("props"), StringComparison.Ordinal);
    }

    [Fact]
    public void TextOnEndpointsWithoutCommands_IsRoutedLikeAnythingElse()
    {
        StartRouter(Show + "\nnethub.routes.lines { address = \"/text\", to = [log] }", ["panel", "props", "other", "log"]);

        Router.Tell(Text("other", "CMD:EMERGENCY_STOP"));
        Router.Tell(Text("panel", "hello, not a command"));

        Assert.Equal("CMD:EMERGENCY_STOP", ((TextPayload)ExpectSend("log").Message.Payload).Text);
        Assert.Equal("hello, not a command", ((TextPayload)ExpectSend("log").Message.Payload).Text);
        Cues.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
