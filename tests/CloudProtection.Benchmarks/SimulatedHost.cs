using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;

namespace CloudProtection.Benchmarks;

/// <summary>
/// An in-process stand-in for one Defender host reached over CIM. Each operation waits the configured
/// latency with Task.Delay, as a network round trip would, and then returns what a healthy host returns.
/// </summary>
internal sealed class SimulatedHost : ICimOperations
{
    private const string RegistryPolicySettingClass = "RSOP_RegistryPolicySetting";
    private const string GpoClass = "RSOP_GPO";

    private readonly TimeSpan latency;
    private readonly SimulationStatistics statistics;
    private readonly OperationTrace trace = new();
    private int disposed;

    public SimulatedHost(string computerName, TimeSpan latency, SimulationStatistics statistics)
    {
        ComputerName = computerName;
        this.latency = latency;
        this.statistics = statistics;
    }

    public string ComputerName { get; }

    public Task<IReadOnlyList<CimRecord>> EnumerateInstancesAsync(string namespaceName, string className, CancellationToken cancellationToken) =>
        RoundTripAsync(() => className switch
        {
            CimNames.PreferenceClass => HealthyHostAnswers.Preference(),
            CimNames.ComputerStatusClass => HealthyHostAnswers.ComputerStatus(),
            GpoClass => HealthyHostAnswers.Gpos(),
            _ => throw NotFound(namespaceName, className),
        }, cancellationToken);

    public Task<IReadOnlyList<CimRecord>> QueryInstancesAsync(string namespaceName, string query, CancellationToken cancellationToken) =>
        RoundTripAsync(() => query.IndexOf(RegistryPolicySettingClass, StringComparison.OrdinalIgnoreCase) >= 0
            ? HealthyHostAnswers.RegistryPolicySettings()
            : throw NotFound(namespaceName, query), cancellationToken);

    public Task<CimRecord> InvokeStaticMethodAsync(
        string namespaceName,
        string className,
        string methodName,
        IReadOnlyDictionary<string, object?> parameters,
        CancellationToken cancellationToken) =>
        RoundTripAsync(() => methodName == "GetDWORDValue"
            ? HealthyHostAnswers.GetDwordValue(parameters)
            : throw NotFound(namespaceName, className + "." + methodName), cancellationToken);

    /// <summary>Reports the host's operation count, critical path and issue spread to the run's statistics, once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            statistics.AddHost(trace.Count, trace.CountCriticalPathRoundTrips(), trace.IssueSpread);
        }
    }

    private async Task<T> RoundTripAsync<T>(Func<T> answer, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
            return answer();
        }
        finally
        {
            trace.Record(start, Stopwatch.GetTimestamp());
        }
    }

    private CimOperationException NotFound(string namespaceName, string missing) =>
        new(ComputerName, CimFailureKind.NotFound, $"The simulated host has no '{missing}' in '{namespaceName}'.");
}
