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

    [LoggerMessage(EventId = 3214, Level = LogLevel.Error, Message = "PANIC pressed by {Origin}: the panic messages for {Endpoints} were NOT delivered: the endpoint was not running when they were sent. Fix the endpoint (see its errors above and `nethub status`), then press PANIC again")]
    public static partial void PanicNotDelivered(ILogger logger, string origin, string endpoints);

    [LoggerMessage(EventId = 3215, Level = LogLevel.Warning, Message = "PANIC pressed by {Origin}: could not check that every endpoint was running to take its panic messages ({Why})")]
    public static partial void PanicUnchecked(ILogger logger, string origin, string why);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "Cue list {List}: cue {Cue} not fired ({Why}): more than {Max} cues fired in one step. Check for go actions that trigger each other")]
    public static partial void TooManyFires(ILogger logger, string list, string cue, string why, int max);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Debug, Message = "Scene {Scene}: fade {How}")]
    public static partial void FadeEnded(ILogger logger, string scene, string how);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Information, Message = "Cue list {List}: {What} by cue {Cue}")]
    public static partial void ListAction(ILogger logger, string list, string what, string cue);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Error, Message = "Scene snapshot NOT saved in {File}: {Reason}. It holds until the node stops; fix the path or its permissions (nethub.cues.snapshot-file) and snapshot again")]
    public static partial void SnapshotNotSaved(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 3209, Level = LogLevel.Error, Message = "Scene snapshots in {File} could not be read ({Reason}); the scenes start from the show file's values. The file is now {Aside}")]
    public static partial void SnapshotsUnreadable(ILogger logger, string file, string reason, string aside);

    [LoggerMessage(EventId = 3210, Level = LogLevel.Information, Message = "Scene snapshots read from {File}: {Scenes}")]
    public static partial void SnapshotsLoaded(ILogger logger, string file, string scenes);

    [LoggerMessage(EventId = 3211, Level = LogLevel.Warning, Message = "Scene snapshots in {File} left out (the show changed since they were stored): {Skipped}")]
    public static partial void SnapshotsSkipped(ILogger logger, string file, string skipped);

    [LoggerMessage(EventId = 3212, Level = LogLevel.Information, Message = "No scene snapshots in {File} yet: the scenes start from the show file's values, and the first snapshot creates it")]
    public static partial void SnapshotsNone(ILogger logger, string file);

    [LoggerMessage(EventId = 3213, Level = LogLevel.Warning, Message = "Scene snapshots cannot be saved in {File}: the folder {Folder} does not exist. Create it, or change nethub.cues.snapshot-file")]
    public static partial void SnapshotFolderMissing(ILogger logger, string file, string folder);
}
