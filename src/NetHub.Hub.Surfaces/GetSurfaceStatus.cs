namespace NetHub.Hub.Surfaces;

/// <summary>To a <see cref="SurfaceActor"/>: reply with its <see cref="SurfaceStatus"/> (for the web page and the CLI).</summary>
public sealed record GetSurfaceStatus
{
    public static GetSurfaceStatus Instance { get; } = new();

    private GetSurfaceStatus()
    {
    }
}
