using System.Globalization;

namespace NetHub.Osc;

/// <summary>
/// The OSC time tag (OSC 1.0 "Time tags"): a 64-bit NTP timestamp, seconds since 1900-01-01 00:00 UTC in
/// the high 32 bits and a binary fraction of a second (2^-32 s) in the low 32. The value 1 means
/// "immediately". Conversions assume NTP era 0 (1900 to 2036), as OSC senders do.
/// </summary>
public readonly struct OscTimeTag : IEquatable<OscTimeTag>, IComparable<OscTimeTag>
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private const double FractionPerTick = 4294967296.0 / TicksPerSecond;

    private static readonly DateTimeOffset NtpEpoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // The last instant era 0 can hold: seconds and fraction all ones.
    private static readonly DateTimeOffset EraEnd = NtpEpoch.AddTicks((uint.MaxValue + 1L) * TicksPerSecond);

    public OscTimeTag(ulong value) => Value = value;

    public OscTimeTag(uint seconds, uint fraction) => Value = ((ulong)seconds << 32) | fraction;

    /// <summary>The reserved value 1 (63 zero bits, then a one): run on receipt.</summary>
    public static OscTimeTag Immediately { get; } = new(1UL);

    public ulong Value { get; }

    public uint Seconds => (uint)(Value >> 32);

    public uint Fraction => (uint)Value;

    public bool IsImmediately => Value == 1UL;

    /// <summary>
    /// The time tag nearest to <paramref name="time"/>. The fraction is rounded to the nearest 2^-32 s, which is
    /// finer than a tick, so <see cref="ToDateTimeOffset"/> gives back the same instant.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is before 1900 or after NTP era 0 ends in 2036.</exception>
    public static OscTimeTag FromDateTimeOffset(DateTimeOffset time)
    {
        if (time < NtpEpoch || time >= EraEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "An OSC time tag holds instants from 1900-01-01 to 2036-02-07 (NTP era 0).");
        }

        long ticks = (time - NtpEpoch).Ticks;
        long seconds = ticks / TicksPerSecond;
        long fraction = (long)Math.Round(ticks % TicksPerSecond * FractionPerTick, MidpointRounding.AwayFromZero);
        return new OscTimeTag(((ulong)seconds << 32) + (ulong)fraction);
    }

    public DateTimeOffset ToDateTimeOffset()
    {
        long fractionTicks = (long)Math.Round(Fraction / FractionPerTick, MidpointRounding.AwayFromZero);
        return NtpEpoch.AddTicks((Seconds * TicksPerSecond) + fractionTicks);
    }

    /// <summary>liblo's and oscdump's form: seconds and fraction as 8 lowercase hex digits each, e.g. "e8754700.80000000".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Seconds:x8}.{Fraction:x8}");

    public bool Equals(OscTimeTag other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is OscTimeTag other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public int CompareTo(OscTimeTag other) => Value.CompareTo(other.Value);

    public static bool operator ==(OscTimeTag left, OscTimeTag right) => left.Equals(right);

    public static bool operator !=(OscTimeTag left, OscTimeTag right) => !left.Equals(right);

    public static bool operator <(OscTimeTag left, OscTimeTag right) => left.Value < right.Value;

    public static bool operator >(OscTimeTag left, OscTimeTag right) => left.Value > right.Value;

    public static bool operator <=(OscTimeTag left, OscTimeTag right) => left.Value <= right.Value;

    public static bool operator >=(OscTimeTag left, OscTimeTag right) => left.Value >= right.Value;
}
