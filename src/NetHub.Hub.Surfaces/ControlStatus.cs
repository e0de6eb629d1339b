namespace NetHub.Hub.Surfaces;

/// <summary>
/// One concrete control in a <see cref="SurfaceStatus"/>: its address and type, its current value per axis in control
/// units (null while unknown; x then y for an XY pad), the text a label shows, and whether a person holds it.
/// </summary>
public sealed record ControlStatus(string Address, ControlType Type, IReadOnlyList<double?> Values, string? Text, bool Touched);
