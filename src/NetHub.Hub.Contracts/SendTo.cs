using NetHub.Messages;

namespace NetHub.Hub;

/// <summary>
/// To the router: send <paramref name="Message"/> out of <paramref name="Endpoint"/> on
/// <paramref name="Lane"/>, to its default destination or, when <paramref name="To"/> is set, as a reply
/// to that peer. Used by cues, panic and commands; the message's address and payload also become the
/// current value of that target.
/// </summary>
public sealed record SendTo(string Endpoint, HubMessage Message, Lane Lane = Lane.Reliable, string? To = null);
