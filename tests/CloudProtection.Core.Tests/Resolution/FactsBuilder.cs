using System.Collections.Generic;
using System.Linq;
using CloudProtection.Facts;
using CloudProtection.Resolution;
using CloudProtection.Settings;

namespace CloudProtection.Tests.Resolution;

/// <summary>
/// Builds <see cref="MachineFacts"/> by hand for resolver tests. Registry values are named by their
/// key relative to the Policies, MDM or local root, as Microsoft's documents name them.
/// </summary>
/// <remarks>
/// For Live and Snapshot facts, <see cref="Build"/> records every catalog value that the test did not
/// set as Absent, the way FactCollector reports a value that does not exist. Only a value passed to
/// <see cref="Missing"/> stays out of the facts. Group Policy file facts get no such filling, because
/// a registry.pol file lists only the values it sets.
/// </remarks>
public sealed class FactsBuilder
{
    private readonly MachineFacts facts;
    private readonly HashSet<string> missing = new(System.StringComparer.OrdinalIgnoreCase);
    private RegistryValueFact? lastPolicyValue;

    private FactsBuilder(string computerName, FactOrigin origin)
    {
        facts = new MachineFacts(computerName, origin);

        // RSOP (or the Group Policy file) read without error and naming no GPO is the neutral start.
        facts.PolicyRecordStatus = FactStatus.Read;
    }

    public static FactsBuilder Live(string computerName) => new(computerName, FactOrigin.Live);

    public static FactsBuilder Snapshot(string computerName) => new(computerName, FactOrigin.Snapshot);

    public static FactsBuilder GroupPolicyFile(string computerName) => new(computerName, FactOrigin.GroupPolicyFile);

    /// <summary>Sets a DWORD under the Policies key; an empty subKey means the root itself.</summary>
    public FactsBuilder Policy(string subKey, string valueName, uint value)
    {
        lastPolicyValue = RegistryValueFact.Present(RegistryPaths.Combine(RegistryPaths.PolicyRoot, subKey), valueName, value);
        facts.SetRegistryValue(lastPolicyValue);
        return this;
    }

    /// <summary>Adds an RSOP record that names the GPO behind the Policies value set last.</summary>
    public FactsBuilder Gpo(string gpoName)
    {
        RegistryValueFact value = lastPolicyValue
            ?? throw new System.InvalidOperationException("Gpo() needs a preceding Policy() call to attribute.");
        facts.PolicyRecords.Add(new PolicyRecord(value.Key, value.ValueName, gpoName, "{31B2F340-016D-11D2-945F-00C04FB984F9}", sourcePath: null));
        return this;
    }

    /// <summary>Sets a DWORD under the MDM Policy Manager key, in the Policy CSP's numbering.</summary>
    public FactsBuilder Mdm(string valueName, uint value)
    {
        facts.SetRegistryValue(RegistryValueFact.Present(RegistryPaths.MdmRoot, valueName, value));
        return this;
    }

    /// <summary>Sets a DWORD under the local preference key, as Set-MpPreference writes it.</summary>
    public FactsBuilder Local(string subKey, string valueName, uint value)
    {
        facts.SetRegistryValue(RegistryValueFact.Present(RegistryPaths.Combine(RegistryPaths.LocalRoot, subKey), valueName, value));
        return this;
    }

    /// <summary>Sets a DWORD anywhere under HKEY_LOCAL_MACHINE, such as the SenseCM key.</summary>
    public FactsBuilder Value(string key, string valueName, uint value)
    {
        facts.SetRegistryValue(RegistryValueFact.Present(key, valueName, value));
        return this;
    }

    public FactsBuilder Unreadable(string key, string valueName)
    {
        facts.SetRegistryValue(RegistryValueFact.Unreadable(key, valueName, "StdRegProv returned 5 (access denied)."));
        return this;
    }

    public FactsBuilder WrongType(string key, string valueName)
    {
        facts.SetRegistryValue(new RegistryValueFact(key, valueName, RegistryValueState.WrongType, error: "The value is not a REG_DWORD."));
        return this;
    }

    /// <summary>Leaves a value out of the facts entirely, as if it had never been read.</summary>
    public FactsBuilder Missing(string key, string valueName)
    {
        missing.Add(key + "\\" + valueName);
        return this;
    }

    /// <summary>Records an MSFT_MpPreference property, which marks the preference as read.</summary>
    public FactsBuilder Observed(string propertyName, object? value)
    {
        facts.Preference[propertyName] = value;
        facts.PreferenceStatus = FactStatus.Read;
        return this;
    }

    public FactsBuilder TamperProtected(bool on)
    {
        facts.ComputerStatus.IsTamperProtected = on;
        facts.ComputerStatusStatus = FactStatus.Read;
        return this;
    }

    public FactsBuilder RunningMode(string mode)
    {
        facts.ComputerStatus.AMRunningMode = mode;
        facts.ComputerStatusStatus = FactStatus.Read;
        return this;
    }

    public FactsBuilder RsopFailed(string error)
    {
        facts.PolicyRecordStatus = FactStatus.Failed;
        facts.PolicyRecordError = error;
        return this;
    }

    public FactsBuilder RsopNotCollected()
    {
        facts.PolicyRecordStatus = FactStatus.NotCollected;
        return this;
    }

    public MachineFacts Build()
    {
        if (facts.Origin != FactOrigin.GroupPolicyFile)
        {
            foreach ((string key, string valueName) in SettingCatalog.RegistryValuesToRead())
            {
                if (facts.FindRegistryValue(key, valueName) is null && !missing.Contains(key + "\\" + valueName))
                {
                    facts.Registry.Add(RegistryValueFact.Absent(key, valueName));
                }
            }
        }

        // Missing() wins over anything set earlier, so a test can drop a single value.
        facts.Registry.RemoveAll(value => missing.Contains(value.Key + "\\" + value.ValueName));
        return facts;
    }

    /// <summary>Builds the facts, resolves the whole state and returns one setting of it.</summary>
    public ResolvedSetting Resolve(string settingName) =>
        StateResolver.Resolve(Build()).GetSetting(settingName)
        ?? throw new System.ArgumentException($"The state has no setting named '{settingName}'.", nameof(settingName));

    public CloudProtectionState ResolveState() => StateResolver.Resolve(Build());
}

/// <summary>Full key paths of the values the tests set, so a test names a value the way regedit shows it.</summary>
internal static class Keys
{
    public static readonly string PolicySpynet = RegistryPaths.Combine(RegistryPaths.PolicyRoot, "Spynet");
    public static readonly string PolicyMpEngine = RegistryPaths.Combine(RegistryPaths.PolicyRoot, "MpEngine");
    public static readonly string PolicyRealTime = RegistryPaths.Combine(RegistryPaths.PolicyRoot, "Real-Time Protection");
    public static readonly string Mdm = RegistryPaths.MdmRoot;
    public static readonly string LocalSpynet = RegistryPaths.Combine(RegistryPaths.LocalRoot, "Spynet");
    public static readonly string LocalRealTime = RegistryPaths.Combine(RegistryPaths.LocalRoot, "Real-Time Protection");
}

internal static class ResolvedSettingExtensions
{
    /// <summary>Returns the one candidate from the given channel; the test fails when there is none or several.</summary>
    public static SettingCandidate CandidateFrom(this ResolvedSetting setting, ConfigurationSource source) =>
        setting.Candidates.Single(candidate => candidate.Source == source);
}
