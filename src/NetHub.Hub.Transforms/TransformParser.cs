using System.Globalization;
using NetHub.Configuration;
using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>Reads one transform object (<c>{ type = map, in = [0, 1], out = [0, 127] }</c>) into its stage.</summary>
internal static class TransformParser
{
    public const string Types = "scale, map, curve, invert, step, smooth, rate-limit, repetition-filter, convert or template";

    /// <summary>Highest rate a rate-limit accepts: beyond it there is nothing left to limit.</summary>
    public const double MaxRate = 100_000;

    public static TransformStage ParseStage(Config config)
    {
        TransformConfig.Require(config, "type", "the transform's type: " + Types);
        string type = config.GetString("type");
        return type switch
        {
            "scale" => Scale(config),
            "map" => Map(config),
            "curve" => Curve(config),
            "invert" => Invert(config),
            "step" => Step(config),
            "smooth" => Smooth(config),
            "rate-limit" => RateLimit(config),
            "repetition-filter" => RepetitionFilter(config),
            "convert" => Convert(config),
            "template" => Template(config),
            _ => throw config.Error("type", "one of " + Types, $"'{type}'"),
        };
    }

    private static ScaleStage Scale(Config config)
    {
        TransformConfig.CheckKeys(config, "scale", "type", "factor", "offset", "args");
        if (!config.HasPath("factor") && !config.HasPath("offset"))
        {
            throw config.Error("factor", "factor and/or offset (y = x * factor + offset)");
        }

        return new ScaleStage(TransformConfig.Number(config, "factor", 1), TransformConfig.Number(config, "offset", 0), TransformConfig.Indices(config));
    }

    private static MapStage Map(Config config)
    {
        TransformConfig.CheckKeys(config, "map", "type", "in", "out", "mode", "args");
        (double inFrom, double inTo) = TransformConfig.Range(config, "in", null, distinct: true);
        (double outFrom, double outTo) = TransformConfig.Range(config, "out", null, distinct: false);
        MapMode mode = config.HasPath("mode")
            ? config.GetChoice("mode", ("clamp", MapMode.Clamp), ("wrap", MapMode.Wrap), ("none", MapMode.None))
            : MapMode.Clamp;
        return new MapStage(inFrom, inTo, outFrom, outTo, mode, TransformConfig.Indices(config));
    }

    private static CurveStage Curve(Config config)
    {
        TransformConfig.CheckKeys(config, "curve", "type", "shape", "base", "range", "breakpoints", "args");
        TransformConfig.Require(config, "shape", "the curve's shape: linear, log, exp or breakpoints");
        CurveShape shape = config.GetChoice("shape", ("linear", CurveShape.Linear), ("log", CurveShape.Log), ("exp", CurveShape.Exp), ("breakpoints", CurveShape.Breakpoints));
        int[]? indices = TransformConfig.Indices(config);
        if (shape == CurveShape.Breakpoints)
        {
            TransformConfig.Forbid(config, "base", "with shape = breakpoints (the points are the curve)");
            TransformConfig.Forbid(config, "range", "with shape = breakpoints (the points' x values are the range)");
            (double[] xs, double[] ys) = Breakpoints(config);
            return CurveStage.Breakpoints(xs, ys, indices);
        }

        TransformConfig.Forbid(config, "breakpoints", "unless shape = breakpoints");
        if (shape == CurveShape.Linear)
        {
            TransformConfig.Forbid(config, "base", "with shape = linear");
        }

        double curveBase = TransformConfig.NumberAbove(config, "base", 1, 1e12, 10);
        (double from, double to) = TransformConfig.Range(config, "range", (0, 1), distinct: true);
        return CurveStage.Shaped(shape, from, to, curveBase, indices);
    }

    private static (double[] Xs, double[] Ys) Breakpoints(Config config)
    {
        const string Expected = "a list of at least two [x, y] points with increasing x, such as [[0, 0], [0.5, 0.8], [1, 1]]";
        TransformConfig.Require(config, "breakpoints", Expected);
        if (config.GetValue("breakpoints") is not IReadOnlyList<object?> { Count: >= 2 } points)
        {
            throw config.Error("breakpoints", Expected);
        }

        var xs = new double[points.Count];
        var ys = new double[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i] is not IReadOnlyList<object?> { Count: 2 } point
                || !TransformConfig.TryFinite(point[0], out xs[i]) || !TransformConfig.TryFinite(point[1], out ys[i]))
            {
                throw config.Error("breakpoints", Expected, $"point {i + 1} is not two numbers");
            }

            if (i > 0 && xs[i] <= xs[i - 1])
            {
                throw config.Error("breakpoints", Expected, $"point {i + 1} {Numbers.FormatRange(xs[i], ys[i])} does not come after x = {Numbers.Format(xs[i - 1])} (sort the points by x)");
            }
        }

        return (xs, ys);
    }

    private static InvertStage Invert(Config config)
    {
        TransformConfig.CheckKeys(config, "invert", "type", "range", "args");
        (double from, double to) = TransformConfig.Range(config, "range", (0, 1), distinct: false);
        return new InvertStage(from, to, TransformConfig.Indices(config));
    }

    private static StepStage Step(Config config)
    {
        TransformConfig.CheckKeys(config, "step", "type", "size", "steps", "range", "mode", "args");
        StepMode mode = config.HasPath("mode")
            ? config.GetChoice("mode", ("round", StepMode.Round), ("floor", StepMode.Floor), ("ceil", StepMode.Ceil))
            : StepMode.Round;
        int[]? indices = TransformConfig.Indices(config);
        bool hasSize = config.HasPath("size");
        if (hasSize == config.HasPath("steps"))
        {
            throw config.Error(hasSize ? "steps" : "size", "either size (quantise to multiples of it) or steps (that many equal steps over range), not both");
        }

        if (hasSize)
        {
            TransformConfig.Forbid(config, "range", "with size (range goes with steps)");
            return StepStage.BySize(TransformConfig.NumberAbove(config, "size", 0, double.MaxValue, null), mode, indices);
        }

        int steps = config.GetInt("steps", 1, 1_000_000);
        (double from, double to) = TransformConfig.Range(config, "range", (0, 1), distinct: true);
        return StepStage.BySteps(steps, from, to, mode, indices);
    }

    private static SmoothStage Smooth(Config config)
    {
        TransformConfig.CheckKeys(config, "smooth", "type", "method", "time", "min-cutoff", "beta", "d-cutoff", "settle", "args");
        TransformConfig.Require(config, "method", "the smoothing method: lag or one-euro");
        bool oneEuro = config.GetChoice("method", ("lag", false), ("one-euro", true));
        int[]? indices = TransformConfig.Indices(config);
        TimeSpan settle = config.HasPath("settle") ? config.GetPositiveDuration("settle") : TimeSpan.Zero;
        if (!oneEuro)
        {
            foreach (string key in (string[])["min-cutoff", "beta", "d-cutoff"])
            {
                TransformConfig.Forbid(config, key, "with method = lag (it belongs to one-euro)");
            }

            TransformConfig.Require(config, "time", "the lag's time constant, a duration such as 100ms");
            return SmoothStage.Lag(config.GetPositiveDuration("time"), settle, indices);
        }

        TransformConfig.Forbid(config, "time", "with method = one-euro (it belongs to lag; tune min-cutoff and beta)");
        return SmoothStage.OneEuro(
            TransformConfig.NumberAbove(config, "min-cutoff", 0, 1e6, 1.0),
            TransformConfig.NumberAtLeast(config, "beta", 0, 0),
            TransformConfig.NumberAbove(config, "d-cutoff", 0, 1e6, 1.0),
            settle,
            indices);
    }

    private static RateLimitStage RateLimit(Config config)
    {
        TransformConfig.CheckKeys(config, "rate-limit", "type", "max-rate");
        return new RateLimitStage(TransformConfig.NumberAbove(config, "max-rate", 0, MaxRate, null));
    }

    private static RepetitionFilterStage RepetitionFilter(Config config)
    {
        TransformConfig.CheckKeys(config, "repetition-filter", "type", "tolerance");
        return new RepetitionFilterStage(TransformConfig.NumberAtLeast(config, "tolerance", 0, 0));
    }

    private static ConvertStage Convert(Config config)
    {
        TransformConfig.CheckKeys(config, "convert", "type", "to", "args");
        TransformConfig.Require(config, "to", "the type to convert to: int, float, double, string or bool");
        ConvertTarget target = config.GetChoice(
            "to", ("int", ConvertTarget.Int), ("float", ConvertTarget.Float), ("double", ConvertTarget.Double), ("string", ConvertTarget.String), ("bool", ConvertTarget.Bool));
        return new ConvertStage(target, TransformConfig.Indices(config));
    }

    private static TemplateStage Template(Config config)
    {
        TransformConfig.CheckKeys(config, "template", "type", "args");
        const string Expected = "the outgoing arguments, a list such as [\"$0\", \"layer{n}\", 1]";
        TransformConfig.Require(config, "args", Expected);
        if (config.GetValue("args") is not IReadOnlyList<object?> items)
        {
            throw config.Error("args", Expected);
        }

        // GetValue tells a number written whole (1, a long) from one written with a fraction or an exponent (1.0, 1e3, a
        // double), which is what decides int32 or float32, with or without a null elsewhere in the list.
        var parts = new TemplatePart[items.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = TemplatePartOf(items[i]) ?? throw config.Error("args", Expected, $"a nested list or object at position {i}: write each argument on its own");
        }

        return new TemplateStage(parts);
    }

    private static TemplatePart? TemplatePartOf(object? item)
    {
        switch (item)
        {
            case null:
                return TemplatePart.Constant(OscArgument.Nil, "null");
            case bool b:
                return TemplatePart.Constant(OscArgument.Bool(b), b ? "true" : "false");
            case long l:
                string whole = l.ToString(CultureInfo.InvariantCulture);
                return TemplatePart.Constant(l is >= int.MinValue and <= int.MaxValue ? OscArgument.Int32((int)l) : OscArgument.Int64(l), whole);
            case double d:
                return TemplatePart.Constant(OscArgument.Float32((float)d), Numbers.Format(d));
            case string s:
                return TemplateString(s);
            default:
                return null;
        }
    }

    private static TemplatePart TemplateString(string text)
    {
        string quoted = "\"" + text + "\"";
        if (text.Length > 1 && text[0] == '$' && int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index <= TransformConfig.MaxIndex)
        {
            return TemplatePart.Input(index);
        }

        // Pieces alternate text and capture names; a '{' without a name and a '}' after it is plain text.
        var pieces = new List<string>();
        int literalStart = 0;
        int at = 0;
        while (at < text.Length)
        {
            int open = text.IndexOf('{', at);
            if (open < 0)
            {
                break;
            }

            int close = text.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            string name = text[(open + 1)..close];
            if (name.Length == 0 || name.Contains('{', StringComparison.Ordinal))
            {
                at = open + 1;
                continue;
            }

            pieces.Add(text[literalStart..open]);
            pieces.Add(name);
            literalStart = close + 1;
            at = close + 1;
        }

        if (pieces.Count == 0)
        {
            return TemplatePart.Constant(OscArgument.String(text.Replace("\0", string.Empty, StringComparison.Ordinal)), quoted);
        }

        pieces.Add(text[literalStart..]);
        return TemplatePart.Interpolated([.. pieces], quoted);
    }
}
