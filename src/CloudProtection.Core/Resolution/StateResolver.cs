using System;
using System.Linq;
using CloudProtection.Facts;
using CloudProtection.Settings;

namespace CloudProtection.Resolution;

/// <summary>Turns a machine's raw facts into a <see cref="CloudProtectionState"/>.</summary>
public static class StateResolver
{
    public static CloudProtectionState Resolve(MachineFacts facts)
    {
        var state = new CloudProtectionState
        {
            ComputerName = facts.ComputerName,
            Origin = facts.Origin,
            CapturedAt = facts.CapturedAt,
            SourcePath = facts.SourcePath,
        };

        // The override is itself a policy setting, and it changes how MAPSReporting resolves.
        ResolvedSetting localOverride = SettingResolver.Resolve(SettingCatalog.Get(SettingCatalog.LocalSettingOverrideSpynetReporting), facts, localOverridesMaps: false);
        bool overrideOn = localOverride.RawValue == 1;

        foreach (SettingDefinition definition in SettingCatalog.All)
        {
            ResolvedSetting setting = definition.Name == SettingCatalog.LocalSettingOverrideSpynetReporting
                ? localOverride
                : SettingResolver.Resolve(definition, facts, overrideOn);
            state.Settings.Add(setting);
        }

        // An unreadable override switch leaves open whether the local MAPSReporting beats the Policies value.
        ResolvedSetting maps = state.GetSetting(SettingCatalog.MAPSReporting)!;
        if (localOverride.Source == ConfigurationSource.Unknown && maps.Candidates.Any(candidate => candidate.Source == ConfigurationSource.LocalPreference && candidate.Status == CandidateStatus.Shadowed))
        {
            maps.Certainty = SettingResolver.Max(maps.Certainty, Certainty.Unconfirmed);
            maps.Notes.Add("LocalSettingOverrideSpynetReporting could not be read, so the local value may win instead.");
        }

        SetConvenienceProperties(state);
        CopyComputerStatus(facts, state);
        state.HasMismatch = state.Settings.Any(setting => setting.Mismatch == true);
        state.ManagedBy = DescribeManagement(facts);
        CloudProtectionAssessment.Assess(state);
        AddFactWarnings(facts, state);
        return state;
    }

    private static void SetConvenienceProperties(CloudProtectionState state)
    {
        state.MAPSReporting = (MAPSReportingType?)ByteOf(state, SettingCatalog.MAPSReporting);
        state.SubmitSamplesConsent = (SubmitSamplesConsentType?)ByteOf(state, SettingCatalog.SubmitSamplesConsent);
        state.CloudBlockLevel = (CloudBlockLevelType?)ByteOf(state, SettingCatalog.CloudBlockLevel);
        state.CloudExtendedTimeout = state.GetSetting(SettingCatalog.CloudExtendedTimeout)?.RawValue;
        state.DisableBlockAtFirstSeen = BoolOf(state, SettingCatalog.DisableBlockAtFirstSeen);
        state.DisableRealtimeMonitoring = BoolOf(state, SettingCatalog.DisableRealtimeMonitoring);
        state.DisableIOAVProtection = BoolOf(state, SettingCatalog.DisableIOAVProtection);
        state.LocalSettingOverrideSpynetReporting = BoolOf(state, SettingCatalog.LocalSettingOverrideSpynetReporting);
    }

    private static byte? ByteOf(CloudProtectionState state, string name)
    {
        uint? raw = state.GetSetting(name)?.RawValue;
        return raw is null ? null : (byte)Math.Min(raw.Value, byte.MaxValue);
    }

    private static bool? BoolOf(CloudProtectionState state, string name)
    {
        uint? raw = state.GetSetting(name)?.RawValue;
        return raw is null ? null : raw.Value != 0;
    }

    private static void CopyComputerStatus(MachineFacts facts, CloudProtectionState state)
    {
        ComputerStatusFacts status = facts.ComputerStatus;
        state.IsTamperProtected = status.IsTamperProtected;
        state.AMRunningMode = status.AMRunningMode;
        state.AMServiceEnabled = status.AMServiceEnabled;
        state.RealTimeProtectionEnabled = status.RealTimeProtectionEnabled;
        state.AMProductVersion = status.AMProductVersion;
    }

    private static string? DescribeManagement(MachineFacts facts)
    {
        RegistryValueFact? productType = facts.FindRegistryValue(RegistryPaths.ManagedProductTypeKey, RegistryPaths.ManagedProductTypeValue);
        RegistryValueFact? enrollment = facts.FindRegistryValue(RegistryPaths.SenseConfigurationKey, RegistryPaths.SenseEnrollmentStatusValue);
        string? product = productType is { State: RegistryValueState.Present } ? productType.Value switch
        {
            6 => "Intune (ManagedDefenderProductType 6)",
            7 => "Intune and Configuration Manager (ManagedDefenderProductType 7)",
            _ => $"not Intune (ManagedDefenderProductType {productType.Value})",
        } : null;
        string? sense = enrollment is { State: RegistryValueState.Present } ? $"SenseCM EnrollmentStatus {enrollment.Value}" : null;
        if (product is null || sense is null)
        {
            return product ?? sense;
        }

        return product + "; " + sense;
    }

    private static void AddFactWarnings(MachineFacts facts, CloudProtectionState state)
    {
        if (facts.ComputerStatusStatus == FactStatus.Failed)
        {
            state.Warnings.Add($"MSFT_MpComputerStatus could not be read: {facts.ComputerStatusError}");
        }

        if (facts.PolicyRecordStatus == FactStatus.Failed)
        {
            state.Warnings.Add($"RSOP could not be read, so GPO names are missing: {facts.PolicyRecordError}");
        }

        foreach (ResolvedSetting setting in state.Settings.Where(setting => setting.Mismatch == true))
        {
            state.Warnings.Add($"{setting.Name}: Defender reports {setting.ObservedValue}, the configuration predicts {setting.Value}.");
        }
    }
}
