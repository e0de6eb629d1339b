namespace NetHub.Hub.Transforms;

/// <summary>
/// <c>curve</c>: bends a value within <c>range = [a, b]</c>, keeping the ends where they are. With t the position of
/// x in the range (clamped to [0, 1], so a log never sees a negative number or zero's minus infinity):
/// linear f(t) = t; exp f(t) = (base^t - 1) / (base - 1), slow at first like an audio fader; log
/// f(t) = log(1 + (base - 1) t) / log(base), its inverse, fast at first. Breakpoints are [x, y] pairs joined by
/// straight lines, held flat beyond the first and last point.
/// </summary>
internal sealed class CurveStage : NumericStage
{
    private readonly CurveShape _shape;
    private readonly double _from;
    private readonly double _width;
    private readonly double _base;
    private readonly double _logBase;
    private readonly double[] _xs;
    private readonly double[] _ys;

    private CurveStage(string details, CurveShape shape, double from, double to, double curveBase, double[] xs, double[] ys, int[]? indices)
        : base("curve", details, indices)
    {
        _shape = shape;
        _from = from;
        _width = to - from;
        _base = curveBase;
        _logBase = Math.Log(curveBase);
        _xs = xs;
        _ys = ys;
    }

    public static CurveStage Shaped(CurveShape shape, double from, double to, double curveBase, int[]? indices)
    {
        string name = shape switch
        {
            CurveShape.Log => "log base " + Numbers.Format(curveBase) + " ",
            CurveShape.Exp => "exp base " + Numbers.Format(curveBase) + " ",
            _ => "linear ",
        };
        return new CurveStage(name + Numbers.FormatRange(from, to), shape, from, to, curveBase, [], [], indices);
    }

    /// <summary>Points sorted by strictly increasing x, at least two.</summary>
    public static CurveStage Breakpoints(double[] xs, double[] ys, int[]? indices)
    {
        var text = new System.Text.StringBuilder("breakpoints");
        for (int i = 0; i < xs.Length; i++)
        {
            text.Append(i == 0 ? " " : ",").Append(Numbers.FormatRange(xs[i], ys[i]));
        }

        return new CurveStage(text.ToString(), CurveShape.Breakpoints, 0, 1, 2, xs, ys, indices);
    }

    protected override double Compute(double x, int index, object? state, DateTimeOffset now)
    {
        if (_shape == CurveShape.Breakpoints)
        {
            return Interpolate(x);
        }

        double t = Math.Clamp((x - _from) / _width, 0, 1);
        double f = _shape switch
        {
            CurveShape.Exp => (Math.Pow(_base, t) - 1) / (_base - 1),
            CurveShape.Log => Math.Log(1 + ((_base - 1) * t)) / _logBase,
            _ => t,
        };
        return _from + (f * _width);
    }

    private double Interpolate(double x)
    {
        double[] xs = _xs;
        if (x <= xs[0])
        {
            return _ys[0];
        }

        int last = xs.Length - 1;
        if (x >= xs[last])
        {
            return _ys[last];
        }

        // The segment [lo, lo + 1] holding x: xs[lo] < x < xs[lo + 1] once the search ends.
        int lo = 0;
        int hi = last;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return _ys[lo] + (t * (_ys[hi] - _ys[lo]));
    }
}
