using System;
using System.Globalization;

namespace CloudProtection.Json;

/// <summary>
/// A JSON number kept as its literal text, so that reading and writing a document never changes
/// a number. The Get and TryGet methods convert the text with range checks.
/// </summary>
internal sealed class JsonNumber : JsonNode
{
    private JsonNumber(string text)
    {
        Text = text;
    }

    public override JsonNodeKind Kind => JsonNodeKind.Number;

    /// <summary>The literal as it appears in JSON, such as <c>-12</c>, <c>0.5</c> or <c>1E+20</c>.</summary>
    public string Text { get; }

    /// <summary>Whether the literal has neither a fraction nor an exponent.</summary>
    public bool IsInteger => Text.IndexOfAny(FractionOrExponent) < 0;

    private static readonly char[] FractionOrExponent = { '.', 'e', 'E' };

    public static JsonNumber FromInt64(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static JsonNumber FromUInt64(ulong value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static JsonNumber FromDecimal(decimal value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite, which JSON cannot represent.</exception>
    public static JsonNumber FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no literal for NaN or infinity.");
        }

        // On .NET Core 3.0 and later "R" gives the shortest text that parses back to the same double.
        // .NET Framework's "R" misses the last bit for some values, so G17, which always has enough digits, backs it up.
        string shortest = value.ToString("R", CultureInfo.InvariantCulture);
        bool exact = double.Parse(shortest, NumberStyles.Float, CultureInfo.InvariantCulture).Equals(value);
        return new(exact ? shortest : value.ToString("G17", CultureInfo.InvariantCulture));
    }

    /// <summary>Wraps text that the parser has already checked against the RFC 8259 number grammar.</summary>
    internal static JsonNumber FromValidatedLiteral(string text) => new(text);

    public bool TryGetInt64(out long value)
    {
        value = 0;
        return IsInteger
            && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public bool TryGetInt32(out int value)
    {
        value = 0;
        if (!TryGetInt64(out long wide) || wide < int.MinValue || wide > int.MaxValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }

    public bool TryGetUInt32(out uint value)
    {
        value = 0;
        if (!TryGetInt64(out long wide) || wide < uint.MinValue || wide > uint.MaxValue)
        {
            return false;
        }

        value = (uint)wide;
        return true;
    }

    /// <summary>Converts the literal to the nearest double; false when it is beyond the range of a double.</summary>
    public bool TryGetDouble(out double value)
    {
        // .NET Framework fails on overflow while .NET returns infinity, so both cases are checked.
        bool parsed = double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        return parsed && !double.IsInfinity(value);
    }

    /// <exception cref="FormatException">The literal has a fraction or an exponent.</exception>
    /// <exception cref="OverflowException">The integer is outside the range of <see cref="long"/>.</exception>
    public long GetInt64()
    {
        ThrowUnlessInteger();
        return TryGetInt64(out long value) ? value : throw OutOfRange(long.MinValue, long.MaxValue);
    }

    /// <inheritdoc cref="GetInt64"/>
    public int GetInt32()
    {
        ThrowUnlessInteger();
        return TryGetInt32(out int value) ? value : throw OutOfRange(int.MinValue, int.MaxValue);
    }

    /// <inheritdoc cref="GetInt64"/>
    public uint GetUInt32()
    {
        ThrowUnlessInteger();
        return TryGetUInt32(out uint value) ? value : throw OutOfRange(uint.MinValue, uint.MaxValue);
    }

    /// <exception cref="OverflowException">The number is beyond the range of a double.</exception>
    public double GetDouble() =>
        TryGetDouble(out double value) ? value : throw OutOfRange(double.MinValue, double.MaxValue);

    public override string ToString() => Text;

    private void ThrowUnlessInteger()
    {
        if (!IsInteger)
        {
            throw new FormatException($"The JSON number {Text} is not an integer.");
        }
    }

    private OverflowException OutOfRange(IFormattable minimum, IFormattable maximum) =>
        new($"The JSON number {Text} is outside the range "
            + $"{minimum.ToString(null, CultureInfo.InvariantCulture)} to {maximum.ToString(null, CultureInfo.InvariantCulture)}.");
}
