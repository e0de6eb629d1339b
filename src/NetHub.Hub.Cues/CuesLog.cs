using Microsoft.Extensions.Logging;

namespace NetHub.Hub.Cues;

/// <summary>Log events of /user/hub/cues. Event ids 3200-3299 (see docs/cues.md). Each names the list, cue or scene and who asked.</summary>
internal static partial class CuesLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Cues ready: {Lists}; {Scenes} scene(s); panic sends {Panic}")]
    public static partial void Started(ILogger logger, string lists, int scenes, string panic);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "{Origin}: {Result}")]
    public static partial void CommandDone(ILogger logger, string origin, string result);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "{Origin}: refused: {Result}")]
    public static partial void CommandRefused(ILogger logger, string origin, string result);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Debug, Message = "Cue list {List}: cue {Cue} fired ({Why})")]
    public static partial void CueFired(ILogger logger, string list, string cue, string why);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "PANIC pressed by {Origin}: stopped {Cues} cue(s) and {Fades} fade(s); sent {Sent}")]
    public static partial void Panic(ILogger logger, string origin, int cues, int fades, string sent);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "Cue list {List}: cue {Cue} not fired ({Why}): more than {Max} cues fired in one step. Check for go actions that trigger each other")]
    public static partial void TooManyFires(ILogger logger, string list, string cue, string why, int max);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Debug, Message = "Scene {Scene}: fade {How}")]
    public static partial void FadeEnded(ILogger logger, string scene, string how);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Information, Message = "Cue list {List}: {What} by cue {Cue}")]
    public static partial void ListAction(ILogger logger, string list, string what, string cue);
}
