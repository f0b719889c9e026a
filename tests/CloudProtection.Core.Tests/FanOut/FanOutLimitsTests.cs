using System;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.FanOut;
using Xunit;

namespace CloudProtection.Core.Tests.FanOut;

public sealed class FanOutLimitsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    [InlineData(int.MaxValue)]
    public void ThrottleLimit_OutOfRangeRejected(int throttleLimit)
    {
        ArgumentOutOfRangeException exception = Assert.Throws<ArgumentOutOfRangeException>(() => new FanOutEngine(throttleLimit));

        Assert.Equal("throttleLimit", exception.ParamName);
        Assert.Equal(throttleLimit, exception.ActualValue);
        Assert.Contains($"The throttle limit {throttleLimit} is invalid", exception.Message);
        Assert.Contains("from 1 to 1000", exception.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(1000)]
    public void ThrottleLimit_InRangeAccepted(int throttleLimit)
    {
        var engine = new FanOutEngine(throttleLimit);

        Assert.Equal(throttleLimit, engine.ThrottleLimit);
    }

    [Fact]
    public void ThrottleLimit_DefaultIs32()
    {
        Assert.Equal(32, new FanOutEngine().ThrottleLimit);
    }

    [Fact]
    public void ThrottleLimit_BatchRejectsZero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new FanOutBatch<int, int>((target, token) => Task.FromResult(target), 0, null, CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Timeout_NotPositiveRejected(int milliseconds)
    {
        ArgumentOutOfRangeException exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => new FanOutEngine(4, TimeSpan.FromMilliseconds(milliseconds)));

        Assert.Equal("timeoutPerTarget", exception.ParamName);
    }

    [Fact]
    public void Timeout_InfiniteMeansNone()
    {
        var engine = new FanOutEngine(4, Timeout.InfiniteTimeSpan);

        Assert.Null(engine.TimeoutPerTarget);
    }
}
