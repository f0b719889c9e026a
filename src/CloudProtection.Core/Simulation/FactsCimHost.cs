using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;
using CloudProtection.Facts;
using CloudProtection.Resolution;
using CloudProtection.Settings;

namespace CloudProtection.Simulation;

/// <summary>
/// A Defender host built from captured facts. For each CIM operation the module sends, it returns what
/// a Windows machine in that state would return, and it applies MSFT_MpPreference Set and Remove with
/// Defender's rules. Snapshot rehearsals, the benchmark and the fleet tests run against it.
/// </summary>
/// <remarks>
/// Writes follow the documented behaviour. A write under tamper protection that weakens a guarded
/// setting returns success and changes nothing. A write under a policy value lands in the local
/// preference and stays shadowed.
/// NOTE: whether Set-MpPreference writes the local value at all while a policy owns the setting is
/// unconfirmed. This host assumes it does.
/// </remarks>
public sealed class FactsCimHost : ICimOperations
{
    private readonly object _gate = new();
    private readonly TimeSpan _latency;

    public FactsCimHost(MachineFacts facts, TimeSpan latency = default, CimFailureKind? failure = null)
    {
        Facts = facts;
        _latency = latency;
        Failure = failure;
    }

    public string ComputerName => Facts.ComputerName;

    /// <summary>The host's current state; writes change it.</summary>
    public MachineFacts Facts { get; }

    /// <summary>When set, every operation fails with this kind, as an unreachable or broken host would.</summary>
    public CimFailureKind? Failure { get; }

    /// <summary>How many operations were sent, and how many of them were MSFT_MpPreference writes.</summary>
    public int OperationCount => _operationCount;

    public int WriteCount => _writeCount;

    private int _operationCount;
    private int _writeCount;

    public async Task<IReadOnlyList<CimRecord>> EnumerateInstancesAsync(string namespaceName, string className, CancellationToken cancellationToken)
    {
        await BeginOperation(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (IsClass(className, CimNames.PreferenceClass))
            {
                return new[] { PreferenceInstance() };
            }

            if (IsClass(className, CimNames.ComputerStatusClass))
            {
                return new[] { ComputerStatusInstance() };
            }

            if (IsClass(className, "RSOP_GPO"))
            {
                return RsopGpos();
            }
        }

        throw new CimOperationException(ComputerName, CimFailureKind.NotFound, $"Class {className} does not exist in {namespaceName} on '{ComputerName}'.", CimOperationException.WbemInvalidClass);
    }

    public async Task<IReadOnlyList<CimRecord>> QueryInstancesAsync(string namespaceName, string query, CancellationToken cancellationToken)
    {
        await BeginOperation(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (query.IndexOf("RSOP_RegistryPolicySetting", StringComparison.OrdinalIgnoreCase) < 0)
            {
                throw new CimOperationException(ComputerName, CimFailureKind.Other, $"The simulated host does not support the query '{query}'.");
            }

            if (Facts.PolicyRecordStatus == FactStatus.Failed)
            {
                throw new CimOperationException(ComputerName, CimFailureKind.NotFound, Facts.PolicyRecordError ?? "RSOP is not available.", CimOperationException.WbemInvalidNamespace);
            }

            return Facts.PolicyRecords
                .Select(record =>
                {
                    var row = new CimRecord
                    {
                        ["registryKey"] = record.Key,
                        ["valueName"] = record.ValueName,
                        ["GPOID"] = GpoPath(record),
                        ["precedence"] = 1u,
                    };
                    return row;
                })
                .ToArray();
        }
    }

    public async Task<CimRecord> InvokeStaticMethodAsync(string namespaceName, string className, string methodName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        await BeginOperation(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (IsClass(className, CimNames.RegistryClass) && methodName == "GetDWORDValue")
            {
                return GetDword((string)parameters["sSubKeyName"]!, (string)parameters["sValueName"]!);
            }

            if (IsClass(className, CimNames.RegistryClass) && methodName == "GetStringValue")
            {
                return GetWinningProvider((string)parameters["sSubKeyName"]!, (string)parameters["sValueName"]!);
            }

            if (IsClass(className, CimNames.PreferenceClass) && (methodName == "Set" || methodName == "Remove"))
            {
                EnsurePreferenceAvailable();
                Interlocked.Increment(ref _writeCount);
                PreferenceWriteRules.Apply(Facts, methodName == "Remove", parameters);
                return new CimRecord { ["ReturnValue"] = 0u };
            }
        }

        throw new CimOperationException(ComputerName, CimFailureKind.NotFound, $"Method {className}.{methodName} does not exist on '{ComputerName}'.", CimOperationException.WbemNotFound);
    }

    public void Dispose()
    {
    }

    private static bool IsClass(string className, string expected) => string.Equals(className, expected, StringComparison.OrdinalIgnoreCase);

    private async Task BeginOperation(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _operationCount);
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (Failure is CimFailureKind kind)
        {
            uint? code = kind switch
            {
                CimFailureKind.DefenderUnavailable => CimOperationException.DefenderUnavailableHResult,
                CimFailureKind.ProviderFailure => CimOperationException.ProviderLoadFailureHResult,
                CimFailureKind.AccessDenied => CimOperationException.AccessDeniedHResult,
                _ => null,
            };
            string codeText = code is null ? string.Empty : string.Format(CultureInfo.InvariantCulture, " (0x{0:X8})", code);
            throw new CimOperationException(ComputerName, kind, $"The operation failed{codeText} on '{ComputerName}'. {CimOperationException.Advice(kind)}", code);
        }
    }

    private void EnsurePreferenceAvailable()
    {
        if (Facts.PreferenceStatus == FactStatus.Failed)
        {
            throw new CimOperationException(
                ComputerName,
                CimFailureKind.DefenderUnavailable,
                $"{Facts.PreferenceError ?? "MSFT_MpPreference is not available"} on '{ComputerName}'. {CimOperationException.Advice(CimFailureKind.DefenderUnavailable)}",
                CimOperationException.DefenderUnavailableHResult);
        }
    }

    private CimRecord PreferenceInstance()
    {
        EnsurePreferenceAvailable();
        var record = new CimRecord();
        foreach (KeyValuePair<string, object?> pair in Facts.Preference)
        {
            record[pair.Key] = pair.Value;
        }

        return record;
    }

    private CimRecord ComputerStatusInstance()
    {
        if (Facts.ComputerStatusStatus == FactStatus.Failed)
        {
            throw new CimOperationException(ComputerName, CimFailureKind.ProviderFailure, Facts.ComputerStatusError ?? "MSFT_MpComputerStatus failed.", CimOperationException.ProviderLoadFailureHResult);
        }

        ComputerStatusFacts status = Facts.ComputerStatus;
        return new CimRecord
        {
            ["IsTamperProtected"] = status.IsTamperProtected,
            ["AMRunningMode"] = status.AMRunningMode,
            ["AMServiceEnabled"] = status.AMServiceEnabled,
            ["RealTimeProtectionEnabled"] = status.RealTimeProtectionEnabled,
            ["IoavProtectionEnabled"] = status.IoavProtectionEnabled,
            ["AMProductVersion"] = status.AMProductVersion,
            ["AMEngineVersion"] = status.AMEngineVersion,
        };
    }

    private IReadOnlyList<CimRecord> RsopGpos() =>
        Facts.PolicyRecords
            .GroupBy(GpoPath, StringComparer.OrdinalIgnoreCase)
            .Select(group => new CimRecord
            {
                ["id"] = group.Key,
                ["name"] = group.First().GpoName,
                ["guidName"] = group.First().GpoId,
            })
            .ToArray();

    private static string GpoPath(PolicyRecord record) =>
        "CN=" + (record.GpoId ?? record.GpoName ?? "{00000000-0000-0000-0000-000000000000}") + ",CN=Policies,CN=System";

    private CimRecord GetWinningProvider(string key, string valueName)
    {
        const string Suffix = "_WinningProvider";
        if (RegistryPaths.KeyEquals(key, RegistryPaths.MdmMergedStore)
            && valueName.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
            && Facts.MdmWinningProviders.TryGetValue(valueName.Substring(0, valueName.Length - Suffix.Length), out string? provider))
        {
            return new CimRecord { ["ReturnValue"] = CimNames.ErrorSuccess, ["sValue"] = provider };
        }

        return new CimRecord { ["ReturnValue"] = CimNames.ErrorFileNotFound };
    }

    private CimRecord GetDword(string key, string valueName)
    {
        RegistryValueFact? fact = Facts.FindRegistryValue(key, valueName);
        return fact?.State switch
        {
            RegistryValueState.Present => new CimRecord { ["ReturnValue"] = CimNames.ErrorSuccess, ["uValue"] = fact.Value },
            RegistryValueState.WrongType => new CimRecord { ["ReturnValue"] = CimNames.WbemTypeMismatch },
            RegistryValueState.Unreadable => new CimRecord { ["ReturnValue"] = CimNames.ErrorAccessDenied },
            _ => new CimRecord { ["ReturnValue"] = CimNames.ErrorFileNotFound },
        };
    }
}
