using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;
using CloudProtection.Facts;
using CloudProtection.Simulation;

namespace CloudProtection;

/// <summary>
/// A seam for the module's own Pester tests: it replaces the network with simulated Defender hosts built
/// from snapshot files, so the real cmdlets, fan-out, progress and error handling run on machines without
/// CIM. Nothing in normal use calls it.
/// </summary>
public static class TestHooks
{
    internal static ICimConnector? Connector { get; private set; }

    /// <summary>
    /// Makes live cmdlets talk to simulated hosts. Each computer name gets the facts of the snapshot in
    /// <paramref name="snapshotPath"/>, renamed to that computer; names in <paramref name="failures"/>
    /// fail with the given kind (ConnectionError, AccessDenied, DefenderUnavailable, ProviderFailure, Timeout).
    /// </summary>
    public static void UseSimulatedHosts(string snapshotPath, int latencyMilliseconds = 0, System.Collections.IDictionary? failures = null)
    {
        var failureKinds = new Dictionary<string, CimFailureKind>(StringComparer.OrdinalIgnoreCase);
        if (failures is not null)
        {
            foreach (System.Collections.DictionaryEntry entry in failures)
            {
                failureKinds[entry.Key.ToString()!] = (CimFailureKind)Enum.Parse(typeof(CimFailureKind), entry.Value!.ToString()!, ignoreCase: true);
            }
        }

        Connector = new SimulatedConnector(snapshotPath, TimeSpan.FromMilliseconds(latencyMilliseconds), failureKinds);
    }

    /// <summary>Restores the real CIM connection.</summary>
    public static void Reset() => Connector = null;

    private sealed class SimulatedConnector : ICimConnector
    {
        private readonly string _snapshotPath;
        private readonly TimeSpan _latency;
        private readonly Dictionary<string, CimFailureKind> _failures;

        public SimulatedConnector(string snapshotPath, TimeSpan latency, Dictionary<string, CimFailureKind> failures)
        {
            _snapshotPath = snapshotPath;
            _latency = latency;
            _failures = failures;
        }

        public async Task<ICimOperations> ConnectAsync(string computerName, CancellationToken cancellationToken)
        {
            // A simulated timeout never returns, so the caller's own timeout has to end it.
            if (_failures.TryGetValue(computerName, out CimFailureKind kind) && kind == CimFailureKind.Timeout)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }

            MachineFacts facts = Snapshots.SnapshotSerializer.Load(_snapshotPath);
            facts.ComputerName = computerName;
            return new FactsCimHost(facts, _latency, _failures.TryGetValue(computerName, out kind) ? kind : null);
        }
    }
}
