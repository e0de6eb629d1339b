namespace NetHub.Hub;

/// <summary>
/// To the router, first thing in an emergency stop: drop every value it holds to send later (a rate limit's held
/// value, a smoother still settling, the latest-value lane's waiting values), and start every route's transforms
/// afresh, so that nothing from before the stop goes out after the panic messages that follow this.
/// <paramref name="Origin"/> says who pressed it, for the log.
/// </summary>
public sealed record DropHeldValues(string Origin);
