using System;
using System.Globalization;
using System.Threading;

namespace CloudProtection.FanOut;

/// <summary>The accepted ranges of the fan-out settings, and their checks.</summary>
public static class FanOutLimits
{
    /// <summary>The throttle limit the cmdlets use when -ThrottleLimit is not given.</summary>
    public const int DefaultThrottleLimit = 32;

    public const int MinimumThrottleLimit = 1;

    public const int MaximumThrottleLimit = 1000;

    /// <summary>Throws when the throttle limit is outside 1 to 1000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above 1000.</exception>
    public static void ValidateThrottleLimit(int throttleLimit)
    {
        if (throttleLimit < MinimumThrottleLimit || throttleLimit > MaximumThrottleLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(throttleLimit),
                throttleLimit,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The throttle limit {0} is invalid. Give a number of concurrent targets from {1} to {2}.",
                    throttleLimit,
                    MinimumThrottleLimit,
                    MaximumThrottleLimit));
        }
    }

    /// <summary>
    /// Throws when a timeout per target is zero, negative or too long for a timer. Null and
    /// <see cref="Timeout.InfiniteTimeSpan"/> both mean no timeout.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive, or exceeds about 24.8 days.</exception>
    public static void ValidateTimeout(TimeSpan? timeoutPerTarget)
    {
        if (timeoutPerTarget is null || timeoutPerTarget.Value == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        // CancellationTokenSource timers take whole milliseconds up to int.MaxValue.
        double milliseconds = timeoutPerTarget.Value.TotalMilliseconds;
        if (milliseconds < 1 || milliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeoutPerTarget),
                timeoutPerTarget.Value,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The timeout per target {0} is invalid. Give at least 1 millisecond and at most {1} milliseconds, or no timeout.",
                    timeoutPerTarget.Value,
                    int.MaxValue));
        }
    }

    /// <summary>Returns the timeout with <see cref="Timeout.InfiniteTimeSpan"/> turned into null.</summary>
    internal static TimeSpan? Normalize(TimeSpan? timeoutPerTarget) =>
        timeoutPerTarget == Timeout.InfiniteTimeSpan ? null : timeoutPerTarget;
}
