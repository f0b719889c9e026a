using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;
using CloudProtection.Simulation;

namespace CloudProtection.Benchmarks;

/// <summary>
/// One simulated Defender host reached over CIM: the module's <see cref="FactsCimHost"/> returns the results, and
/// each operation first waits the configured latency with Task.Delay, as a network round trip would.
/// It also records when each operation starts and ends, for the critical-path count.
/// </summary>
internal sealed class SimulatedHost : ICimOperations
{
    private readonly FactsCimHost host;
    private readonly TimeSpan latency;
    private readonly SimulationStatistics statistics;
    private readonly OperationTrace trace = new();
    private int disposed;

    public SimulatedHost(string computerName, TimeSpan latency, SimulationStatistics statistics)
    {
        host = new FactsCimHost(HealthyHostFacts.Create(computerName));
        this.latency = latency;
        this.statistics = statistics;
    }

    public string ComputerName => host.ComputerName;

    public Task<IReadOnlyList<CimRecord>> EnumerateInstancesAsync(string namespaceName, string className, CancellationToken cancellationToken) =>
        RoundTripAsync(() => host.EnumerateInstancesAsync(namespaceName, className, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<CimRecord>> QueryInstancesAsync(string namespaceName, string query, CancellationToken cancellationToken) =>
        RoundTripAsync(() => host.QueryInstancesAsync(namespaceName, query, cancellationToken), cancellationToken);

    public Task<CimRecord> InvokeStaticMethodAsync(
        string namespaceName,
        string className,
        string methodName,
        IReadOnlyDictionary<string, object?> parameters,
        CancellationToken cancellationToken) =>
        RoundTripAsync(() => host.InvokeStaticMethodAsync(namespaceName, className, methodName, parameters, cancellationToken), cancellationToken);

    /// <summary>Reports the host's operation count, critical path and issue spread to the run's statistics, once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            statistics.AddHost(trace.Count, trace.CountCriticalPathRoundTrips(), trace.IssueSpread);
        }
    }

    private async Task<T> RoundTripAsync<T>(Func<Task<T>> answer, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
            return await answer().ConfigureAwait(false);
        }
        finally
        {
            trace.Record(start, Stopwatch.GetTimestamp());
        }
    }
}
