using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;
using CloudProtection.Facts;
using CloudProtection.FanOut;

namespace CloudProtection.Benchmarks;

/// <summary>One fan-out of <see cref="FactCollector.CollectAsync"/> over simulated hosts, and what it measured.</summary>
internal sealed class FanOutRun
{
    private FanOutRun(TimeSpan wallTime, TimeSpan meanHostTime, List<MachineFacts> facts, int failedCount, string? firstError, SimulationStatistics statistics)
    {
        WallTime = wallTime;
        MeanHostTime = meanHostTime;
        Facts = facts;
        FailedCount = failedCount;
        FirstError = firstError;
        Statistics = statistics;
    }

    public TimeSpan WallTime { get; }

    /// <summary>The mean over hosts of the time from the start of a host's work to its result.</summary>
    public TimeSpan MeanHostTime { get; }

    /// <summary>The facts of every host that succeeded, kept so that their memory can be measured.</summary>
    public List<MachineFacts> Facts { get; }

    public int FailedCount { get; }

    public string? FirstError { get; }

    public SimulationStatistics Statistics { get; }

    /// <summary>Collects the facts of <paramref name="hostCount"/> simulated hosts, <paramref name="throttleLimit"/> at a time.</summary>
    public static FanOutRun Execute(int hostCount, int throttleLimit, TimeSpan latency)
    {
        var statistics = new SimulationStatistics();
        var engine = new FanOutEngine(throttleLimit);

        // The input is lazy, as a pipeline's is, so the engine reads the names as the run goes.
        IEnumerable<string> computerNames = Enumerable.Range(1, hostCount)
            .Select(number => "host" + number.ToString("D5", CultureInfo.InvariantCulture));

        // Opening the host inside the work mirrors ICimConnector.ConnectAsync, which is also per target.
        async Task<MachineFacts> CollectAsync(string computerName, CancellationToken cancellationToken)
        {
            using var host = new SimulatedHost(computerName, latency, statistics);
            return await FactCollector.CollectAsync(host, cancellationToken).ConfigureAwait(false);
        }

        var facts = new List<MachineFacts>(hostCount);
        int failedCount = 0;
        string? firstError = null;
        TimeSpan totalHostTime = TimeSpan.Zero;
        Stopwatch stopwatch = Stopwatch.StartNew();
        foreach (FanOutResult<string, MachineFacts> result in engine.Run(computerNames, CollectAsync, CancellationToken.None))
        {
            totalHostTime += result.Elapsed;
            if (result.Succeeded)
            {
                facts.Add(result.Value!);
                continue;
            }

            failedCount++;
            firstError ??= result.ToString();
        }

        stopwatch.Stop();
        TimeSpan meanHostTime = TimeSpan.FromTicks(totalHostTime.Ticks / Math.Max(1, hostCount));
        return new FanOutRun(stopwatch.Elapsed, meanHostTime, facts, failedCount, firstError, statistics);
    }
}
