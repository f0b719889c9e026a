using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CloudProtection.Benchmarks;

/// <summary>Totals over all simulated hosts of one run, updated from many threads.</summary>
internal sealed class SimulationStatistics
{
    private readonly ConcurrentDictionary<int, int> hostsByRoundTrips = new();
    private readonly object maximumGate = new();
    private long operationCount;
    private int hostCount;
    private TimeSpan maximumIssueSpread;

    public long OperationCount => Interlocked.Read(ref operationCount);

    public int HostCount => Volatile.Read(ref hostCount);

    /// <summary>The maximum over all hosts of the sequential round trips on a host's critical path.</summary>
    public int MaximumRoundTrips => hostsByRoundTrips.Keys.DefaultIfEmpty(0).Max();

    /// <summary>The critical path length that most hosts had, the smallest one on a tie.</summary>
    public int TypicalRoundTrips => hostsByRoundTrips
        .OrderByDescending(entry => entry.Value)
        .ThenBy(entry => entry.Key)
        .Select(entry => entry.Key)
        .FirstOrDefault();

    /// <summary>The number of hosts for each critical path length, shortest first.</summary>
    public IEnumerable<KeyValuePair<int, int>> HostsByRoundTrips => hostsByRoundTrips.OrderBy(entry => entry.Key);

    /// <summary>The maximum over all hosts of the time between the first and the last operation's start.</summary>
    public TimeSpan MaximumIssueSpread
    {
        get
        {
            lock (maximumGate)
            {
                return maximumIssueSpread;
            }
        }
    }

    /// <summary>Adds one finished host's operations, critical path and issue spread.</summary>
    public void AddHost(int operations, int roundTrips, TimeSpan issueSpread)
    {
        Interlocked.Add(ref operationCount, operations);
        Interlocked.Increment(ref hostCount);
        hostsByRoundTrips.AddOrUpdate(roundTrips, 1, (_, count) => count + 1);
        lock (maximumGate)
        {
            if (issueSpread > maximumIssueSpread)
            {
                maximumIssueSpread = issueSpread;
            }
        }
    }
}
