using System;
using System.Collections.Generic;
using System.Linq;
using CloudProtection.Facts;
using CloudProtection.Resolution;
using CloudProtection.Settings;

namespace CloudProtection.Changes;

/// <summary>
/// Decides, before anything is written, which requested settings need a write and whether a write can
/// win: a higher channel or tamper protection makes a local value ineffective, and writing it anyway is
/// how configuration tools end up reporting success for changes that never happened.
/// </summary>
public static class ChangePlanner
{
    public static ChangeResult Plan(MachineFacts facts, CloudProtectionState state, ChangeRequest request)
    {
        var result = new ChangeResult { ComputerName = facts.ComputerName };
        if (facts.ComputerStatus.IsPassive)
        {
            result.Warnings.Add($"Defender runs in {facts.ComputerStatus.AMRunningMode} mode, so cloud-delivered protection does not work there whatever these settings are.");
        }

        foreach ((SettingDefinition definition, uint raw) in request.Values)
        {
            result.Settings.Add(PlanWrite(facts, state, definition, raw, request.Force));
        }

        foreach (SettingDefinition definition in request.Resets)
        {
            result.Settings.Add(PlanReset(facts, state, definition));
        }

        // Until a write is verified, the machine is as it was read.
        foreach (SettingChange setting in result.Settings)
        {
            setting.After = setting.Before;
            setting.SourceAfter = state.GetSetting(setting.Name)!.Source;
        }

        return result;
    }

    /// <summary>Maps the owning channel to its Shadowed outcome.</summary>
    public static ChangeOutcome ShadowedOutcome(ConfigurationSource source) => source switch
    {
        ConfigurationSource.GroupPolicy => ChangeOutcome.ShadowedByGroupPolicy,
        ConfigurationSource.Mdm => ChangeOutcome.ShadowedByMdm,
        ConfigurationSource.ConfigurationManager => ChangeOutcome.ShadowedByConfigurationManager,
        ConfigurationSource.SecuritySettingsManagement => ChangeOutcome.ShadowedBySecuritySettingsManagement,
        _ => ChangeOutcome.ShadowedByPolicyWriterUnknown,
    };

    /// <summary>Whether the channel ranks above the local preference, so that a local value cannot win against it.</summary>
    public static bool OutranksLocal(ResolvedSetting setting) =>
        setting.Source is not (ConfigurationSource.LocalPreference or ConfigurationSource.Default or ConfigurationSource.Unknown or ConfigurationSource.TamperProtection);

    private static SettingChange PlanWrite(MachineFacts facts, CloudProtectionState state, SettingDefinition definition, uint requested, bool force)
    {
        var change = new SettingChange(definition, requested, reset: false);
        ResolvedSetting current = state.GetSetting(definition.Name)!;
        uint? local = ReadLocal(facts, definition);
        change.Before = current.Value;
        change.LocalBefore = local is uint value ? definition.ToValue(value) : null;

        // Tamper protection reports success for a weakening write and changes nothing.
        if (facts.ComputerStatus.IsTamperProtected == true && definition.WeakensTamperProtectedSetting(requested))
        {
            change.Outcome = ChangeOutcome.BlockedByTamperProtection;
            change.Message = $"Tamper protection is on, so Defender would ignore {definition.Name}={definition.Format(requested)} while reporting success. Turn tamper protection off for this device (Intune, Configuration Manager or the Defender portal) first.";
            return change;
        }

        if (OutranksLocal(current))
        {
            if (current.RawValue == requested)
            {
                change.Outcome = ChangeOutcome.NoChange;
                change.Message = $"{definition.Name} is already {definition.Format(requested)}, set by {current.Source} ({current.SourceDetail}).";
                return change;
            }

            change.Outcome = ShadowedOutcome(current.Source);
            change.Owner = current.SourceDetail;
            change.Message = $"{definition.Name} is set to {definition.Format(current.RawValue ?? 0)} by {current.Source} ({current.SourceDetail}), so a local value of {definition.Format(requested)} cannot take effect. Change it there"
                + (current.Source == ConfigurationSource.GroupPolicy ? " (edit or unlink the GPO)" : string.Empty)
                + (force ? "; -Force writes the local value anyway, and it stays shadowed." : ", or use -Force to write the local value anyway.");
            change.Planned = force && local != requested;
            if (force && local == requested)
            {
                change.Message = $"{definition.Name}: the local value is already {definition.Format(requested)}, but {current.Source} ({current.SourceDetail}) shadows it.";
            }

            return change;
        }

        if (local == requested)
        {
            change.Outcome = ChangeOutcome.NoChange;
            change.Message = $"{definition.Name} is already {definition.Format(requested)} in the local preference.";
            return change;
        }

        change.Planned = true;
        change.Outcome = ChangeOutcome.Applied;
        change.Message = $"{definition.Name}: {Describe(definition, local)} -> {definition.Format(requested)}";
        return change;
    }

    private static SettingChange PlanReset(MachineFacts facts, CloudProtectionState state, SettingDefinition definition)
    {
        var change = new SettingChange(definition, requestedRaw: null, reset: true);
        ResolvedSetting current = state.GetSetting(definition.Name)!;
        uint? local = ReadLocal(facts, definition);
        change.Before = current.Value;
        change.LocalBefore = local is uint value ? definition.ToValue(value) : null;
        if (local is null)
        {
            change.Outcome = ChangeOutcome.NoChange;
            change.Message = $"{definition.Name} has no local preference to remove; {current.Source} applies.";
            return change;
        }

        change.Planned = true;
        change.Outcome = ChangeOutcome.Reset;
        change.Message = $"{definition.Name}: remove the local preference {definition.Format(local.Value)}";
        return change;
    }

    private static string Describe(SettingDefinition definition, uint? local) =>
        local is uint value ? definition.Format(value) : "(not set)";

    // The local preference as the preference numbers it; null when absent or unreadable.
    internal static uint? ReadLocal(MachineFacts facts, SettingDefinition definition)
    {
        SettingLocation location = definition.LocalPreference!;
        RegistryValueFact? fact = facts.FindRegistryValue(location.Key, location.ValueName);
        if (fact is not { State: RegistryValueState.Present, Value: uint stored })
        {
            return null;
        }

        return location.TryMapToPreference(stored, out uint preference) ? preference : stored;
    }
}
