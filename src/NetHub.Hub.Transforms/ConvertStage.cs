using System.Globalization;
using NetHub.Messages;
using NetHub.Osc;

namespace NetHub.Hub.Transforms;

/// <summary>
/// <c>convert</c>: changes the OSC type of every argument, or of the <c>args</c> listed. To a number: numbers are
/// rounded (half away from zero) or widened, true/false are 1/0, strings are parsed (invariant culture, so "0.5",
/// never "0,5"); anything else, or text that is not a number, drops the message with the reason. To a string:
/// the plain text of any argument (numbers shortest and invariant). To a bool: 0, false, nil, an empty string and
/// the words false/no/off are F; everything else is T.
/// </summary>
internal sealed class ConvertStage : TransformStage
{
    private readonly ConvertTarget _target;
    private readonly int[]? _indices;
    private readonly string _name;

    public ConvertStage(ConvertTarget target, int[]? indices)
        : base(Describe(target, indices))
    {
        _target = target;
        _indices = indices;
        _name = "convert to " + TargetName(target);
    }

    public static string TargetName(ConvertTarget target) => target switch
    {
        ConvertTarget.Int => "int",
        ConvertTarget.Float => "float",
        ConvertTarget.Double => "double",
        ConvertTarget.String => "string",
        _ => "bool",
    };

    public override StageVerdict Run(ref ArgumentWork work, object? state, DateTimeOffset now)
    {
        int count = work.Count;
        if (_indices is null)
        {
            for (int i = 0; i < count; i++)
            {
                if (!TryConvert(ref work, i))
                {
                    return StageVerdict.Drop;
                }
            }

            return StageVerdict.Continue;
        }

        foreach (int index in _indices)
        {
            if (index >= count)
            {
                return work.Drop(_name + ": no argument " + index.ToString(CultureInfo.InvariantCulture) + " (the message has " + count.ToString(CultureInfo.InvariantCulture) + ")");
            }

            if (!TryConvert(ref work, index))
            {
                return StageVerdict.Drop;
            }
        }

        return StageVerdict.Continue;
    }

    private static string Describe(ConvertTarget target, int[]? indices) =>
        indices is null ? "convert to " + TargetName(target) : "convert to " + TargetName(target) + " args [" + string.Join(",", indices) + "]";

    private static bool TryReadNumber(OscArgument argument, out double value)
    {
        switch (argument.Type)
        {
            case OscType.Int32 or OscType.Int64 or OscType.Float32 or OscType.Float64:
                value = Numbers.Read(argument);
                return true;
            case OscType.True:
                value = 1;
                return true;
            case OscType.False:
                value = 0;
                return true;
            case OscType.String or OscType.Symbol:
                return double.TryParse(argument.AsString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    private static bool ToBool(OscArgument argument) => argument.Type switch
    {
        OscType.False or OscType.Nil => false,
        OscType.Int32 or OscType.Int64 or OscType.Float32 or OscType.Float64 => Numbers.Read(argument) != 0,
        OscType.String or OscType.Symbol => TextToBool(argument.AsString()),
        _ => true,
    };

    private static bool TextToBool(string text)
    {
        ReadOnlySpan<char> word = text.AsSpan().Trim();
        if (word.Length == 0 || word.Equals("false", StringComparison.OrdinalIgnoreCase) || word.Equals("no", StringComparison.OrdinalIgnoreCase)
            || word.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || number != 0;
    }

    private static string Quote(OscArgument argument)
    {
        string text = argument.Type is OscType.String or OscType.Symbol ? "\"" + Shorten(argument.AsString()) + "\"" : Shorten(PayloadConvert.FormatPlain(argument));
        return Numbers.Tag(argument.Type) + " " + text;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");

    private bool TryConvert(ref ArgumentWork work, int index)
    {
        OscArgument argument = work[index];
        OscArgument result;
        switch (_target)
        {
            case ConvertTarget.String:
                if (argument.Type == OscType.String)
                {
                    return true;
                }

                result = OscArgument.String(argument.Type == OscType.Symbol ? argument.AsString() : PayloadConvert.FormatPlain(argument));
                break;
            case ConvertTarget.Bool:
                result = OscArgument.Bool(ToBool(argument));
                break;
            default:
                if (!TryReadNumber(argument, out double value))
                {
                    work.Reason = _name + ": not a number: " + Quote(argument) + " at argument " + index.ToString(CultureInfo.InvariantCulture);
                    return false;
                }

                OscType type = _target switch
                {
                    ConvertTarget.Int => OscType.Int32,
                    ConvertTarget.Float => OscType.Float32,
                    _ => OscType.Float64,
                };
                if (!Numbers.TryWrite(type, value, out result))
                {
                    work.Reason = _name + ": " + Quote(argument) + " does not fit " + type + " at argument " + index.ToString(CultureInfo.InvariantCulture);
                    return false;
                }

                break;
        }

        if (!result.Equals(argument))
        {
            work.Set(index, result);
        }

        return true;
    }
}
