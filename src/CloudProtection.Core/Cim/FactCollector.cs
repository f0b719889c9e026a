using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Facts;
using CloudProtection.Settings;

namespace CloudProtection.Cim;

/// <summary>
/// Reads a machine's facts over CIM. Every read is started at once, so a host costs one round trip on
/// its critical path however many registry values the catalog lists.
/// </summary>
public static class FactCollector
{
    /// <summary>Reads preference, status, registry and RSOP facts from one computer.</summary>
    /// <exception cref="CimOperationException">MSFT_MpPreference could not be read, and without it no setting can be resolved.</exception>
    public static async Task<MachineFacts> CollectAsync(ICimOperations operations, CancellationToken cancellationToken)
    {
        var facts = new MachineFacts(operations.ComputerName, FactOrigin.Live)
        {
            CapturedAt = DateTimeOffset.UtcNow,
        };

        // Start everything before awaiting anything: the host then receives all requests in one round.
        Task<IReadOnlyList<CimRecord>> preference = operations.EnumerateInstancesAsync(CimNames.DefenderNamespace, CimNames.PreferenceClass, cancellationToken);
        Task<IReadOnlyList<CimRecord>> status = operations.EnumerateInstancesAsync(CimNames.DefenderNamespace, CimNames.ComputerStatusClass, cancellationToken);
        List<Task<RegistryValueFact>> registry = SettingCatalog.RegistryValuesToRead()
            .Select(value => ReadDwordAsync(operations, value.Key, value.ValueName, cancellationToken))
            .ToList();
        List<Task<(string Name, string? Provider)>> providers = SettingCatalog.MdmValueNames()
            .Select(name => ReadWinningProviderAsync(operations, name, cancellationToken))
            .ToList();
        Task<IReadOnlyList<CimRecord>> rsopSettings = operations.QueryInstancesAsync(
            CimNames.RsopNamespace,
            "SELECT registryKey, valueName, GPOID, precedence FROM RSOP_RegistryPolicySetting WHERE registryKey LIKE '%Windows Defender%'",
            cancellationToken);
        Task<IReadOnlyList<CimRecord>> rsopGpos = operations.EnumerateInstancesAsync(CimNames.RsopNamespace, "RSOP_GPO", cancellationToken);

        // A failed preference read fails the host, but only after the other reads end, so none is left running.
        await WhenAllSettled(new Task[] { preference, status, rsopSettings, rsopGpos }.Concat(registry).Concat(providers)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        ApplyPreference(facts, await preference.ConfigureAwait(false));
        ApplyComputerStatus(facts, status);
        foreach (Task<RegistryValueFact> read in registry)
        {
            facts.Registry.Add(await read.ConfigureAwait(false));
        }

        foreach (Task<(string Name, string? Provider)> read in providers)
        {
            (string name, string? provider) = await read.ConfigureAwait(false);
            if (provider is not null)
            {
                facts.MdmWinningProviders[name] = provider;
            }
        }

        ApplyRsop(facts, rsopSettings, rsopGpos);
        return facts;
    }

    /// <summary>The MSFT_MpPreference property names the module captures.</summary>
    public static IEnumerable<string> PreferencePropertyNames =>
        SettingCatalog.Writable.Select(definition => definition.Name);

    private static async Task WhenAllSettled(IEnumerable<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Each task's own outcome is inspected by the caller; this only waits for all of them.
        }
    }

    private static void ApplyPreference(MachineFacts facts, IReadOnlyList<CimRecord> instances)
    {
        CimRecord? instance = instances.FirstOrDefault();
        if (instance is null)
        {
            throw new CimOperationException(
                facts.ComputerName,
                CimFailureKind.DefenderUnavailable,
                $"{CimNames.PreferenceClass} returned no instance on '{facts.ComputerName}'.");
        }

        foreach (string name in PreferencePropertyNames)
        {
            if (instance.TryGetValue(name, out object? value))
            {
                facts.Preference[name] = value;
            }
        }

        facts.PreferenceStatus = FactStatus.Read;
    }

    private static void ApplyComputerStatus(MachineFacts facts, Task<IReadOnlyList<CimRecord>> read)
    {
        if (read.Status != TaskStatus.RanToCompletion)
        {
            facts.ComputerStatusStatus = FactStatus.Failed;
            facts.ComputerStatusError = DescribeFailure(read);
            return;
        }

        CimRecord? instance = read.Result.FirstOrDefault();
        if (instance is null)
        {
            facts.ComputerStatusStatus = FactStatus.Failed;
            facts.ComputerStatusError = $"{CimNames.ComputerStatusClass} returned no instance.";
            return;
        }

        facts.ComputerStatus = new ComputerStatusFacts
        {
            IsTamperProtected = instance.Get<bool?>("IsTamperProtected"),
            AMRunningMode = instance.Get<string>("AMRunningMode"),
            AMServiceEnabled = instance.Get<bool?>("AMServiceEnabled"),
            RealTimeProtectionEnabled = instance.Get<bool?>("RealTimeProtectionEnabled"),
            IoavProtectionEnabled = instance.Get<bool?>("IoavProtectionEnabled"),
            AMProductVersion = instance.Get<string>("AMProductVersion"),
            AMEngineVersion = instance.Get<string>("AMEngineVersion"),
        };
        facts.ComputerStatusStatus = FactStatus.Read;
    }

    private static void ApplyRsop(MachineFacts facts, Task<IReadOnlyList<CimRecord>> settings, Task<IReadOnlyList<CimRecord>> gpos)
    {
        if (settings.Status != TaskStatus.RanToCompletion)
        {
            facts.PolicyRecordStatus = FactStatus.Failed;
            facts.PolicyRecordError = "RSOP_RegistryPolicySetting: " + DescribeFailure(settings);
            return;
        }

        // RSOP_GPO.id is the GPO's directory path, which RSOP_RegistryPolicySetting.GPOID repeats.
        var names = new Dictionary<string, (string? Name, string? Guid)>(StringComparer.OrdinalIgnoreCase);
        if (gpos.Status == TaskStatus.RanToCompletion)
        {
            foreach (CimRecord gpo in gpos.Result)
            {
                string? id = gpo.Get<string>("id");
                if (id is not null)
                {
                    names[id] = (gpo.Get<string>("name"), gpo.Get<string>("guidName"));
                }
            }
        }

        // NOTE: precedence 1 marks the GPO whose value is in force; higher numbers lost to it. This
        // reading of the RSOP schema has not been checked against a live domain member.
        foreach (CimRecord row in settings.Result.Where(row => (row.Get<uint?>("precedence") ?? 1) == 1))
        {
            string? key = row.Get<string>("registryKey");
            string? valueName = row.Get<string>("valueName");
            if (key is null || valueName is null)
            {
                continue;
            }

            string? gpoId = row.Get<string>("GPOID");
            (string? Name, string? Guid) gpo = gpoId is not null && names.TryGetValue(gpoId, out var found) ? found : (null, null);
            facts.PolicyRecords.Add(new PolicyRecord(key, valueName, gpo.Name, gpo.Guid ?? gpoId, sourcePath: null));
        }

        facts.PolicyRecordStatus = FactStatus.Read;
    }

    private static async Task<RegistryValueFact> ReadDwordAsync(ICimOperations operations, string key, string valueName, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["hDefKey"] = CimNames.HKeyLocalMachine,
            ["sSubKeyName"] = key,
            ["sValueName"] = valueName,
        };

        CimRecord result;
        try
        {
            result = await operations.InvokeStaticMethodAsync(CimNames.RegistryNamespace, CimNames.RegistryClass, "GetDWORDValue", parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (CimOperationException exception)
        {
            return RegistryValueFact.Unreadable(key, valueName, exception.Message);
        }

        uint returnValue = result.Get<uint?>("ReturnValue") ?? uint.MaxValue;
        switch (returnValue)
        {
            case CimNames.ErrorSuccess:
                uint? value = result.Get<uint?>("uValue");
                return value is null
                    ? RegistryValueFact.Unreadable(key, valueName, "StdRegProv returned success without a value.")
                    : RegistryValueFact.Present(key, valueName, value.Value);
            case CimNames.ErrorFileNotFound:
                return RegistryValueFact.Absent(key, valueName);
            case CimNames.WbemTypeMismatch:
                return new RegistryValueFact(key, valueName, RegistryValueState.WrongType, error: "The value is not a REG_DWORD.");
            case CimNames.ErrorAccessDenied:
                return RegistryValueFact.Unreadable(key, valueName, "StdRegProv returned 5 (access denied).");
            default:
                return RegistryValueFact.Unreadable(
                    key,
                    valueName,
                    string.Format(CultureInfo.InvariantCulture, "StdRegProv returned {0} (0x{0:X8}).", returnValue));
        }
    }

    // The provider string only explains an MDM value, so any failure to read it just leaves it out.
    private static async Task<(string Name, string? Provider)> ReadWinningProviderAsync(ICimOperations operations, string name, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["hDefKey"] = CimNames.HKeyLocalMachine,
            ["sSubKeyName"] = RegistryPaths.MdmMergedStore,
            ["sValueName"] = name + "_WinningProvider",
        };

        try
        {
            CimRecord result = await operations.InvokeStaticMethodAsync(CimNames.RegistryNamespace, CimNames.RegistryClass, "GetStringValue", parameters, cancellationToken).ConfigureAwait(false);
            return (name, result.Get<uint?>("ReturnValue") == CimNames.ErrorSuccess ? result.Get<string>("sValue") : null);
        }
        catch (CimOperationException)
        {
            return (name, null);
        }
    }

    private static string DescribeFailure(Task task) =>
        task.Exception?.InnerException?.Message ?? (task.IsCanceled ? "The read was canceled." : "The read failed.");
}
