using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudProtection.Settings;

/// <summary>
/// Every setting the module reads or writes, with its Group Policy, MDM and local preference locations.
/// </summary>
/// <remarks>
/// Facts come from the Windows Defender administrative template (WindowsDefender.admx), the Policy CSP
/// Defender reference (ms.date 11/26/2024), the Set-MpPreference reference for Windows Server 2022 and
/// 2025, and the Defender provider's MOF. Locations that no Microsoft document states carry
/// <see cref="Certainty.Unconfirmed"/>, and so does every result that depends on them.
/// </remarks>
public static class SettingCatalog
{
    public const string MAPSReporting = nameof(MAPSReporting);
    public const string SubmitSamplesConsent = nameof(SubmitSamplesConsent);
    public const string CloudBlockLevel = nameof(CloudBlockLevel);
    public const string CloudExtendedTimeout = nameof(CloudExtendedTimeout);
    public const string DisableBlockAtFirstSeen = nameof(DisableBlockAtFirstSeen);
    public const string DisableRealtimeMonitoring = nameof(DisableRealtimeMonitoring);
    public const string DisableIOAVProtection = nameof(DisableIOAVProtection);
    public const string LocalSettingOverrideSpynetReporting = nameof(LocalSettingOverrideSpynetReporting);

    private const string Spynet = "Spynet";
    private const string MpEngine = "MpEngine";
    private const string RealTimeProtection = "Real-Time Protection";

    private static readonly uint[] BooleanValues = { 0, 1 };

    // MDM's Allow* switches are the inverse of the Disable* preferences: Allow=1 means Disable=false.
    private static readonly Dictionary<uint, uint> AllowToDisable = new() { [0] = 1, [1] = 0 };

    private static readonly SettingDefinition[] Definitions =
    {
        new(
            MAPSReporting,
            "uint8",
            SettingKind.Enumeration,
            typeof(MAPSReportingType),
            new uint[] { 0, 1, 2 },
            0,
            2,
            defaultValue: 2,
            Certainty.Unconfirmed,
            "Microsoft's documents disagree: the administrative template and the Policy CSP say an unconfigured device joins MAPS (Advanced), the Set-MpPreference reference says 0 (Disabled).",
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.PolicyRoot, Spynet), "SpynetReporting", Certainty.Confirmed, policyName: "Join Microsoft MAPS"),

            // AllowCloudProtection=1 showed as MAPSReporting 2 in the field; 0 turns MAPS off.
            new SettingLocation(RegistryPaths.MdmRoot, "AllowCloudProtection", Certainty.Confirmed, new Dictionary<uint, uint> { [0] = 0, [1] = 2 }, "Defender/AllowCloudProtection"),
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.LocalRoot, Spynet), "SpyNetReporting", Certainty.Confirmed),
            tamperProtectedWeakValues: new uint[] { 0 },
            "Cloud-delivered protection: membership in Microsoft MAPS. 1 (Basic) acts as Advanced on Windows 10 and later."),

        new(
            SubmitSamplesConsent,
            "uint8",
            SettingKind.Enumeration,
            typeof(SubmitSamplesConsentType),
            new uint[] { 0, 1, 2, 3 },
            0,
            3,
            defaultValue: 1,
            Certainty.Unconfirmed,
            "Microsoft's documents disagree: the Policy CSP and the cloud protection guide say 1 (SendSafeSamples), the Set-MpPreference reference for Windows Server 2022 says 0 (AlwaysPrompt).",
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.PolicyRoot, Spynet), "SubmitSamplesConsent", Certainty.Confirmed, policyName: "Send file samples when further analysis is required"),
            new SettingLocation(RegistryPaths.MdmRoot, "SubmitSamplesConsent", Certainty.Confirmed, policyName: "Defender/SubmitSamplesConsent"),
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.LocalRoot, Spynet), "SubmitSamplesConsent", Certainty.Confirmed),
            tamperProtectedWeakValues: null,
            "Whether Defender sends file samples for cloud analysis. Block at First Sight needs 1 or 3."),

        new(
            CloudBlockLevel,
            "uint8",
            SettingKind.Enumeration,
            typeof(CloudBlockLevelType),
            new uint[] { 0, 1, 2, 4, 6 },
            0,
            6,
            defaultValue: 0,
            Certainty.Confirmed,
            null,
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.PolicyRoot, MpEngine), "MpCloudBlockLevel", Certainty.Confirmed, policyName: "Select cloud protection level"),
            new SettingLocation(
                RegistryPaths.MdmRoot,
                "CloudBlockLevel",
                Certainty.Unconfirmed,
                policyName: "Defender/CloudBlockLevel",
                note: "Intune may store this value under the Policies MpEngine key instead, where it cannot be told apart from Group Policy."),
            new SettingLocation(
                RegistryPaths.Combine(RegistryPaths.LocalRoot, MpEngine),
                "MpCloudBlockLevel",
                Certainty.Unconfirmed,
                note: "The local value name is assumed from the policy value name; no Microsoft document states it."),
            tamperProtectedWeakValues: null,
            "How aggressively the cloud blocks suspicious files: 0 Default, 1 Moderate, 2 High, 4 HighPlus, 6 ZeroTolerance."),

        new(
            CloudExtendedTimeout,
            "uint32",
            SettingKind.Seconds,
            null,
            null,
            0,
            50,
            defaultValue: 0,
            Certainty.Confirmed,
            null,
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.PolicyRoot, MpEngine), "MpBafsExtendedTimeout", Certainty.Confirmed, policyName: "Configure extended cloud check"),
            new SettingLocation(
                RegistryPaths.MdmRoot,
                "CloudExtendedTimeout",
                Certainty.Unconfirmed,
                policyName: "Defender/CloudExtendedTimeout",
                note: "Intune may store this value under the Policies MpEngine key instead, where it cannot be told apart from Group Policy."),
            new SettingLocation(
                RegistryPaths.Combine(RegistryPaths.LocalRoot, MpEngine),
                "MpBafsExtendedTimeout",
                Certainty.Unconfirmed,
                note: "The local value name is assumed from the policy value name; no Microsoft document states it."),
            tamperProtectedWeakValues: null,
            "Seconds, 0 to 50, that Defender adds to the 10-second cloud check before it lets a file run."),

        new(
            DisableBlockAtFirstSeen,
            "boolean",
            SettingKind.Boolean,
            null,
            BooleanValues,
            0,
            1,
            defaultValue: 0,
            Certainty.Confirmed,
            null,

            // The policy "Configure the 'Block at First Sight' feature" writes 0 when Enabled and 1 when Disabled,
            // so the stored number already has the preference's polarity.
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.PolicyRoot, Spynet), "DisableBlockAtFirstSeen", Certainty.Confirmed, policyName: "Configure the 'Block at First Sight' feature"),

            // The ADMX-backed MDM node exists, but where its value lands on the device is unconfirmed, so it is not read.
            null,
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.LocalRoot, Spynet), "DisableBlockAtFirstSeen", Certainty.Confirmed),
            tamperProtectedWeakValues: null,
            "True turns Block at First Sight off. False lets it work when MAPS and automatic sample submission are on."),

        new(
            DisableRealtimeMonitoring,
            "boolean",
            SettingKind.Boolean,
            null,
            BooleanValues,
            0,
            1,
            defaultValue: 0,
            Certainty.Confirmed,
            null,
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.PolicyRoot, RealTimeProtection), "DisableRealtimeMonitoring", Certainty.Confirmed, policyName: "Turn off real-time protection"),
            new SettingLocation(RegistryPaths.MdmRoot, "AllowRealtimeMonitoring", Certainty.Confirmed, AllowToDisable, "Defender/AllowRealtimeMonitoring"),
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.LocalRoot, RealTimeProtection), "DisableRealtimeMonitoring", Certainty.Confirmed),
            tamperProtectedWeakValues: new uint[] { 1 },
            "True turns real-time protection off, which Block at First Sight needs."),

        new(
            DisableIOAVProtection,
            "boolean",
            SettingKind.Boolean,
            null,
            BooleanValues,
            0,
            1,
            defaultValue: 0,
            Certainty.Confirmed,
            null,

            // "Scan all downloaded files and attachments": Enabled writes 0, Disabled writes 1.
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.PolicyRoot, RealTimeProtection), "DisableIOAVProtection", Certainty.Confirmed, policyName: "Scan all downloaded files and attachments"),
            new SettingLocation(RegistryPaths.MdmRoot, "AllowIOAVProtection", Certainty.Confirmed, AllowToDisable, "Defender/AllowIOAVProtection"),
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.LocalRoot, RealTimeProtection), "DisableIOAVProtection", Certainty.Confirmed),
            tamperProtectedWeakValues: new uint[] { 1 },
            "True stops scanning of downloaded files and attachments, which Block at First Sight needs."),

        new(
            LocalSettingOverrideSpynetReporting,
            "boolean",
            SettingKind.Boolean,
            null,
            BooleanValues,
            0,
            1,
            defaultValue: 0,
            Certainty.Confirmed,
            null,
            new SettingLocation(RegistryPaths.Combine(RegistryPaths.PolicyRoot, Spynet), "LocalSettingOverrideSpynetReporting", Certainty.Confirmed, policyName: "Configure local setting override for reporting to Microsoft MAPS"),
            null,

            // Only Group Policy sets it: it is not an MSFT_MpPreference property.
            null,
            tamperProtectedWeakValues: null,
            "Group Policy only. True lets the local MAPSReporting preference beat the Group Policy value."),
    };

    /// <summary>The Policy CSP value names whose <c>&lt;Name&gt;_WinningProvider</c> strings the MDM merged store may hold.</summary>
    public static IEnumerable<string> MdmValueNames() =>
        Definitions.Where(definition => definition.Mdm is not null).Select(definition => definition.Mdm!.ValueName);

    private static readonly Dictionary<string, SettingDefinition> ByName =
        Definitions.ToDictionary(definition => definition.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>All settings, in the order the output lists them.</summary>
    public static IReadOnlyList<SettingDefinition> All => Definitions;

    /// <summary>The settings that MSFT_MpPreference has as properties and Set-CloudProtection can write.</summary>
    public static IEnumerable<SettingDefinition> Writable => Definitions.Where(definition => definition.LocalPreference is not null);

    /// <summary>Returns the named setting; the lookup ignores case.</summary>
    public static SettingDefinition Get(string name)
    {
        if (ByName.TryGetValue(name, out SettingDefinition? definition))
        {
            return definition;
        }

        throw new ArgumentException(
            $"'{name}' is not a cloud protection setting. Valid names: {string.Join(", ", Definitions.Select(d => d.Name))}.",
            nameof(name));
    }

    public static bool TryGet(string name, out SettingDefinition? definition) => ByName.TryGetValue(name, out definition);

    /// <summary>Every DWORD any setting reads, plus the values that explain who manages the device.</summary>
    public static IEnumerable<(string Key, string ValueName)> RegistryValuesToRead()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (SettingDefinition definition in Definitions)
        {
            foreach (SettingLocation? location in new[] { definition.GroupPolicy, definition.Mdm, definition.MdmMergedStore, definition.LocalPreference })
            {
                if (location is not null && seen.Add(location.FullPath))
                {
                    yield return (location.Key, location.ValueName);
                }
            }
        }

        yield return (RegistryPaths.ManagedProductTypeKey, RegistryPaths.ManagedProductTypeValue);
        yield return (RegistryPaths.SenseConfigurationKey, RegistryPaths.SenseEnrollmentStatusValue);
    }
}
