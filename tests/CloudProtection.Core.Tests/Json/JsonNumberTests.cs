using System;
using CloudProtection.Json;
using Xunit;

namespace CloudProtection.Core.Tests.Json;

public class JsonNumberTests
{
    private static JsonNumber Number(string literal) => Assert.IsType<JsonNumber>(JsonParser.Parse(literal));

    [Theory]
    [InlineData("0", 0u)]
    [InlineData("-0", 0u)]
    [InlineData("4294967295", uint.MaxValue)]
    public void TryGetUInt32_InRange(string literal, uint expected)
    {
        Assert.True(Number(literal).TryGetUInt32(out uint value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("1.0")]
    [InlineData("1e2")]
    [InlineData("99999999999999999999")]
    public void TryGetUInt32_Rejected(string literal)
    {
        Assert.False(Number(literal).TryGetUInt32(out _));
    }

    [Theory]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("2147483647", int.MaxValue)]
    public void TryGetInt32_InRange(string literal, int expected)
    {
        Assert.True(Number(literal).TryGetInt32(out int value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("-2147483649")]
    [InlineData("2147483648")]
    public void TryGetInt32_OutOfRange(string literal)
    {
        Assert.False(Number(literal).TryGetInt32(out _));
    }

    [Fact]
    public void TryGetInt64_Limits()
    {
        Assert.True(Number("-9223372036854775808").TryGetInt64(out long minimum));
        Assert.Equal(long.MinValue, minimum);
        Assert.False(Number("9223372036854775808").TryGetInt64(out _));
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-2E3", -2000.0)]
    [InlineData("12", 12.0)]
    public void TryGetDouble_Parses(string literal, double expected)
    {
        Assert.True(Number(literal).TryGetDouble(out double value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryGetDouble_Overflow()
    {
        Assert.False(Number("1e400").TryGetDouble(out _));
    }

    [Fact]
    public void GetUInt32_OutOfRangeMessage()
    {
        OverflowException error = Assert.Throws<OverflowException>(() => Number("4294967296").GetUInt32());

        Assert.Equal("The JSON number 4294967296 is outside the range 0 to 4294967295.", error.Message);
    }

    [Fact]
    public void GetInt32_FractionRejected()
    {
        FormatException error = Assert.Throws<FormatException>(() => Number("2.5").GetInt32());

        Assert.Equal("The JSON number 2.5 is not an integer.", error.Message);
    }

    [Fact]
    public void GetInt64_Value()
    {
        Assert.Equal(-42L, Number("-42").GetInt64());
    }

    [Fact]
    public void GetDouble_OverflowThrows()
    {
        Assert.Throws<OverflowException>(() => Number("-1e400").GetDouble());
    }

    [Fact]
    public void FromDouble_InvariantText()
    {
        Assert.Equal("0.1", JsonNumber.FromDouble(0.1).Text);
        Assert.Equal("-2.5", JsonNumber.FromDouble(-2.5).Text);
        Assert.Equal("1E+20", JsonNumber.FromDouble(1e20).Text);
    }

    [Fact]
    public void FromDouble_NaNRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonNumber.FromDouble(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonNumber.FromDouble(double.PositiveInfinity));
    }

    [Fact]
    public void FromIntegers_Text()
    {
        Assert.Equal("-7", JsonNumber.FromInt64(-7).Text);
        Assert.Equal("18446744073709551615", JsonNumber.FromUInt64(ulong.MaxValue).Text);
        Assert.Equal("1.50", JsonNumber.FromDecimal(1.50m).Text);
    }
}
