using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace CloudProtection.Benchmarks;

/// <summary>The start and end timestamps, in Stopwatch ticks, of every CIM operation on one host.</summary>
internal sealed class OperationTrace
{
    private readonly List<(long Start, long End)> operations = new();

    public int Count
    {
        get
        {
            lock (operations)
            {
                return operations.Count;
            }
        }
    }

    /// <summary>The time between the first and the last operation's start, zero when there are fewer than two.</summary>
    public TimeSpan IssueSpread
    {
        get
        {
            lock (operations)
            {
                if (operations.Count < 2)
                {
                    return TimeSpan.Zero;
                }

                long ticks = operations.Max(operation => operation.Start) - operations.Min(operation => operation.Start);
                return TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency);
            }
        }
    }

    public void Record(long start, long end)
    {
        lock (operations)
        {
            operations.Add((start, end));
        }
    }

    /// <summary>
    /// Returns the number of sequential round trips on the host's critical path, which is the length of
    /// the longest chain of operations in which each one starts only after the previous one ended.
    /// </summary>
    /// <remarks>
    /// Operations that overlap in time were in flight together, so they share one round trip however
    /// many there are. An operation issued only after another returned, as when code awaits one read
    /// before it starts the next, adds a round trip. The chain is found by dynamic programming over the
    /// operations sorted by start, which is quadratic but cheap for the few dozen reads of one host.
    /// </remarks>
    public int CountCriticalPathRoundTrips()
    {
        (long Start, long End)[] sorted;
        lock (operations)
        {
            sorted = operations.OrderBy(operation => operation.Start).ToArray();
        }

        var chainLength = new int[sorted.Length];
        int longest = 0;
        for (int current = 0; current < sorted.Length; current++)
        {
            chainLength[current] = 1;
            for (int earlier = 0; earlier < current; earlier++)
            {
                if (sorted[earlier].End <= sorted[current].Start && chainLength[earlier] + 1 > chainLength[current])
                {
                    chainLength[current] = chainLength[earlier] + 1;
                }
            }

            if (chainLength[current] > longest)
            {
                longest = chainLength[current];
            }
        }

        return longest;
    }
}
