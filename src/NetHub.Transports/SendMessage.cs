using NetHub.Messages;

namespace NetHub.Transports;

/// <summary>
/// Asks an endpoint to send <paramref name="Message"/>: to <paramref name="To"/> (a peer address such
/// as "10.0.0.5:53001", to reply to whoever sent something) or, when null, to the endpoint's own
/// destination (its remote address, or every connected client of a TCP server). A value: a <see cref="SendBatch"/>
/// holds its sends inline, with no object per message; told on its own it is boxed like any other message.
/// </summary>
public readonly record struct SendMessage(HubMessage Message, string? To = null);
