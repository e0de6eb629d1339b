namespace NetHub.Hub;

/// <summary>
/// A command an operator gives the show (from a surface, OSC <c>/nethub/...</c>, a JSON or CMD: line, the
/// CLI or the control API). The actor that handles it answers the sender with a <see cref="CommandResult"/>.
/// <see cref="Origin"/> names who gave it, for logs ("surface tablet", "cli", "osc-in 10.0.0.7:9000").
/// </summary>
public abstract record ShowCommand(string Origin);

/// <summary>GO: fire the standby cue of <paramref name="List"/> (the first cue list when null) and move standby on.</summary>
public sealed record CueGo(string? List = null, string Origin = "") : ShowCommand(Origin);

/// <summary>BACK: move standby to the previous cue without firing anything.</summary>
public sealed record CueBack(string? List = null, string Origin = "") : ShowCommand(Origin);

/// <summary>GOTO: fire cue <paramref name="Cue"/> (its number as written, e.g. "12.5") and put the next one on standby.</summary>
public sealed record CueGoto(string Cue, string? List = null, string Origin = "") : ShowCommand(Origin);

/// <summary>STOP: stop the running cues of <paramref name="List"/>, or of every list when null. Standby stays.</summary>
public sealed record CueStop(string? List = null, string Origin = "") : ShowCommand(Origin);

/// <summary>Recall scene <paramref name="Scene"/>, fading over <paramref name="Fade"/> (the scene's own fade when null).</summary>
public sealed record SceneRecall(string Scene, TimeSpan? Fade = null, string Origin = "") : ShowCommand(Origin);

/// <summary>Store the current values of scene <paramref name="Scene"/>'s targets as its new values.</summary>
public sealed record SceneSnapshot(string Scene, string Origin = "") : ShowCommand(Origin);

/// <summary>Emergency stop: stop every running cue and fade, then send every endpoint its panic messages.</summary>
public sealed record Panic(string Origin = "") : ShowCommand(Origin);

/// <summary>The answer to a <see cref="ShowCommand"/>: what happened, in words a technician can act on.</summary>
public sealed record CommandResult(bool Ok, string Message)
{
    public static CommandResult Done(string message) => new(true, message);

    public static CommandResult Failed(string message) => new(false, message);
}
