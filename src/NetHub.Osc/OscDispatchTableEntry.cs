namespace NetHub.Osc;

/// <summary>One registration; <see cref="Sequence"/> grows with every Add and orders results.</summary>
internal readonly record struct OscDispatchTableEntry<T>(long Sequence, OscAddressPattern Pattern, T Value);
