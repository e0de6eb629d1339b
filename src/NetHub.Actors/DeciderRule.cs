namespace NetHub.Actors;

/// <summary>One row of a <see cref="Decider"/>: exceptions assignable to <see cref="ExceptionType"/> get <see cref="Directive"/>.</summary>
public sealed record DeciderRule(Type ExceptionType, Directive Directive);
