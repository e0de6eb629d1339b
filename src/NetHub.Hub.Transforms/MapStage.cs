namespace NetHub.Hub.Transforms;

/// <summary>
/// <c>map</c>: the position of x in <c>in = [a, b]</c> becomes the same position in <c>out = [c, d]</c>. Either
/// range may run backwards (a fader that reads 1 at the bottom). Outside the input range: clamp, wrap or extend.
/// </summary>
internal sealed class MapStage : NumericStage
{
    private readonly double _inFrom;

    /// <summary>1 / the input range's width: a multiply per value instead of a divide, which takes several times longer.</summary>
    private readonly double _inScale;

    private readonly double _outFrom;
    private readonly double _outWidth;
    private readonly MapMode _mode;

    public MapStage(double inFrom, double inTo, double outFrom, double outTo, MapMode mode, int[]? indices)
        : base("map", Numbers.FormatRange(inFrom, inTo) + "->" + Numbers.FormatRange(outFrom, outTo) + " " + ModeName(mode), indices)
    {
        _inFrom = inFrom;
        _inScale = 1 / (inTo - inFrom);
        _outFrom = outFrom;
        _outWidth = outTo - outFrom;
        _mode = mode;
    }

    public static string ModeName(MapMode mode) => mode switch
    {
        MapMode.Clamp => "clamp",
        MapMode.Wrap => "wrap",
        _ => "none",
    };

    protected override double Compute(double x, int index, object? state, DateTimeOffset now)
    {
        double t = (x - _inFrom) * _inScale;
        t = _mode switch
        {
            MapMode.Clamp => Math.Clamp(t, 0, 1),

            // t - floor(t) keeps negatives in [0, 1): -0.25 of the way is 0.75 of the way.
            MapMode.Wrap => t - Math.Floor(t),
            _ => t,
        };
        return _outFrom + (t * _outWidth);
    }
}
