using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;

namespace CloudProtection.Tests.Cim;

/// <summary>
/// A simulated remote Windows host behind <see cref="ICimOperations"/>: it serves the Defender classes,
/// StdRegProv.GetDWORDValue and the RSOP queries from tables that the test fills in.
/// </summary>
/// <remarks>Failures come back as faulted tasks, the way an asynchronous CIM call fails.</remarks>
public sealed class FakeCimOperations : ICimOperations
{
    private readonly Dictionary<string, CimRecord> registry = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Exception> registryFailures = new(StringComparer.OrdinalIgnoreCase);

    public FakeCimOperations(string computerName)
    {
        ComputerName = computerName;
    }

    public string ComputerName { get; }

    /// <summary>The MSFT_MpPreference instances; an empty list means the class returned none.</summary>
    public List<CimRecord> PreferenceInstances { get; } = new() { new CimRecord() };

    public Exception? PreferenceFailure { get; set; }

    public List<CimRecord> ComputerStatusInstances { get; } = new() { new CimRecord() };

    public Exception? ComputerStatusFailure { get; set; }

    public List<CimRecord> RsopSettingRows { get; } = new();

    public Exception? RsopSettingFailure { get; set; }

    public List<CimRecord> RsopGpoRows { get; } = new();

    public Exception? RsopGpoFailure { get; set; }

    /// <summary>The WQL text of every query, so a test can check the request.</summary>
    public List<string> Queries { get; } = new();

    public bool Disposed { get; private set; }

    /// <summary>Makes GetDWORDValue on one value return the given ReturnValue and, when not null, uValue.</summary>
    public void SetRegistryResult(string key, string valueName, uint returnValue, uint? value = null)
    {
        var result = new CimRecord { ["ReturnValue"] = returnValue };
        if (value is not null)
        {
            result["uValue"] = value.Value;
        }

        registry[key + "\\" + valueName] = result;
    }

    /// <summary>Makes GetDWORDValue on one value fail as the CIM call itself.</summary>
    public void SetRegistryFailure(string key, string valueName, Exception failure) =>
        registryFailures[key + "\\" + valueName] = failure;

    public Task<IReadOnlyList<CimRecord>> EnumerateInstancesAsync(string namespaceName, string className, CancellationToken cancellationToken)
    {
        return (namespaceName, className) switch
        {
            (CimNames.DefenderNamespace, CimNames.PreferenceClass) => Answer(PreferenceInstances, PreferenceFailure),
            (CimNames.DefenderNamespace, CimNames.ComputerStatusClass) => Answer(ComputerStatusInstances, ComputerStatusFailure),
            (CimNames.RsopNamespace, "RSOP_GPO") => Answer(RsopGpoRows, RsopGpoFailure),
            _ => Task.FromException<IReadOnlyList<CimRecord>>(NotFound($"{namespaceName}:{className}")),
        };
    }

    public Task<IReadOnlyList<CimRecord>> QueryInstancesAsync(string namespaceName, string query, CancellationToken cancellationToken)
    {
        Queries.Add(query);
        if (namespaceName == CimNames.RsopNamespace && query.IndexOf("RSOP_RegistryPolicySetting", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return Answer(RsopSettingRows, RsopSettingFailure);
        }

        return Task.FromException<IReadOnlyList<CimRecord>>(NotFound(namespaceName + ": " + query));
    }

    public Task<CimRecord> InvokeStaticMethodAsync(
        string namespaceName,
        string className,
        string methodName,
        IReadOnlyDictionary<string, object?> parameters,
        CancellationToken cancellationToken)
    {
        if (namespaceName != CimNames.RegistryNamespace || className != CimNames.RegistryClass || methodName != "GetDWORDValue")
        {
            return Task.FromException<CimRecord>(NotFound($"{namespaceName}:{className}.{methodName}"));
        }

        if (!Equals(parameters["hDefKey"], CimNames.HKeyLocalMachine))
        {
            return Task.FromException<CimRecord>(new ArgumentException("The fake host stores only HKEY_LOCAL_MACHINE values.", nameof(parameters)));
        }

        string path = parameters["sSubKeyName"] + "\\" + parameters["sValueName"];
        if (registryFailures.TryGetValue(path, out Exception? failure))
        {
            return Task.FromException<CimRecord>(failure);
        }

        // A value the test did not set does not exist on the host: WinError 2, as StdRegProv returns it.
        CimRecord result = registry.TryGetValue(path, out CimRecord? stored)
            ? stored
            : new CimRecord { ["ReturnValue"] = CimNames.ErrorFileNotFound };
        return Task.FromResult(result);
    }

    public void Dispose() => Disposed = true;

    private static Task<IReadOnlyList<CimRecord>> Answer(List<CimRecord> rows, Exception? failure) =>
        failure is null
            ? Task.FromResult<IReadOnlyList<CimRecord>>(rows)
            : Task.FromException<IReadOnlyList<CimRecord>>(failure);

    private CimOperationException NotFound(string target) =>
        new(ComputerName, CimFailureKind.NotFound, $"The fake host has no {target}.", CimOperationException.WbemInvalidClass);
}
