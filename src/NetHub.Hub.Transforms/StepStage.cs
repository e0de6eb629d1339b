namespace NetHub.Hub.Transforms;

/// <summary>
/// <c>step</c>: quantises to multiples of <c>size</c>, or to <c>steps</c> equal intervals of <c>range</c> (clamped to
/// the range). A quotient within a billionth of a whole number counts as that number, so 0.3 / 0.1 floors to 3,
/// not to 2 as binary floating point would have it.
/// </summary>
internal sealed class StepStage : NumericStage
{
    private const double Snap = 1e-9;

    private readonly double _origin;
    private readonly double _size;
    private readonly int _steps;
    private readonly StepMode _mode;

    private StepStage(string details, double origin, double size, int steps, StepMode mode, int[]? indices)
        : base("step", details, indices)
    {
        _origin = origin;
        _size = size;
        _steps = steps;

        // Over a range that runs backwards the quotient grows as the value falls, so floor and ceil trade places.
        _mode = size >= 0 ? mode : mode switch
        {
            StepMode.Floor => StepMode.Ceil,
            StepMode.Ceil => StepMode.Floor,
            _ => mode,
        };
    }

    public static StepStage BySize(double size, StepMode mode, int[]? indices) =>
        new("size " + Numbers.Format(size) + " " + ModeName(mode), 0, size, 0, mode, indices);

    public static StepStage BySteps(int steps, double from, double to, StepMode mode, int[]? indices) =>
        new(steps + " steps " + Numbers.FormatRange(from, to) + " " + ModeName(mode), from, (to - from) / steps, steps, mode, indices);

    public static string ModeName(StepMode mode) => mode switch
    {
        StepMode.Floor => "floor",
        StepMode.Ceil => "ceil",
        _ => "round",
    };

    protected override double Compute(double x, int index, object? state, DateTimeOffset now)
    {
        double q = (x - _origin) / _size;
        double nearest = Math.Round(q, MidpointRounding.AwayFromZero);
        double k = Math.Abs(q - nearest) < Snap ? nearest : _mode switch
        {
            StepMode.Floor => Math.Floor(q),
            StepMode.Ceil => Math.Ceiling(q),
            _ => nearest,
        };
        if (_steps > 0)
        {
            k = Math.Clamp(k, 0, _steps);
        }

        return _origin + (k * _size);
    }
}
