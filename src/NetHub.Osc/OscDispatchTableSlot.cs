namespace NetHub.Osc;

/// <summary>
/// What an <see cref="OscDispatchTable{T}"/> holds for one registered address: the registrations under exactly
/// that address, and everything a dispatch of it returns (those plus every pattern matching it), both in
/// registration order. The second list is kept up to date as patterns come and go, so dispatching a
/// registered address is one lookup however many patterns there are.
/// </summary>
internal readonly record struct OscDispatchTableSlot<T>(OscDispatchTableEntry<T>[] Registered, OscDispatchTableEntry<T>[] Dispatch);
