using System;
using System.Collections.Generic;
using CloudProtection.Facts;
using CloudProtection.Resolution;
using CloudProtection.Settings;

namespace CloudProtection.Simulation;

/// <summary>How Defender applies an MSFT_MpPreference Set or Remove to a machine's state.</summary>
internal static class PreferenceWriteRules
{
    public static void Apply(MachineFacts facts, bool remove, IReadOnlyDictionary<string, object?> parameters)
    {
        bool tamperProtected = facts.ComputerStatus.IsTamperProtected == true;
        foreach (KeyValuePair<string, object?> parameter in parameters)
        {
            if (!SettingCatalog.TryGet(parameter.Key, out SettingDefinition? definition) || definition!.LocalPreference is null)
            {
                continue;
            }

            SettingLocation location = definition.LocalPreference;
            if (remove)
            {
                facts.SetRegistryValue(RegistryValueFact.Absent(location.Key, location.ValueName));
                continue;
            }

            if (!definition.TryToRaw(parameter.Value, out uint raw))
            {
                throw new ArgumentException($"{parameter.Value} is not a valid {definition.Name} value.");
            }

            // Tamper protection blocks a weakening write silently: the call succeeds and nothing changes.
            if (tamperProtected && definition.WeakensTamperProtectedSetting(raw))
            {
                continue;
            }

            location.TryMapFromPreference(raw, out uint stored);
            facts.SetRegistryValue(RegistryValueFact.Present(location.Key, location.ValueName, stored));
        }

        RefreshObservedPreference(facts);
    }

    // Defender reports the effective value, so after a write the observed preference follows the resolver.
    // Where the resolver itself is not sure (a disputed default, the tamper protection rule), no value is
    // recorded: a prediction stored as an observation would later look like Defender confirming it.
    private static void RefreshObservedPreference(MachineFacts facts)
    {
        if (facts.PreferenceStatus != FactStatus.Read)
        {
            return;
        }

        facts.Preference.Clear();
        CloudProtectionState state = StateResolver.Resolve(facts);
        foreach (SettingDefinition definition in SettingCatalog.Writable)
        {
            ResolvedSetting? setting = state.GetSetting(definition.Name);
            if (setting?.RawValue is uint raw && setting.Certainty == Certainty.Confirmed)
            {
                facts.Preference[definition.Name] = definition.Kind switch
                {
                    SettingKind.Boolean => raw != 0,
                    SettingKind.Enumeration => (object)(byte)Math.Min(raw, byte.MaxValue),
                    _ => raw,
                };
            }
        }
    }
}
