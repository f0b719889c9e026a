using System.Collections.Generic;
using CloudProtection.Settings;

namespace CloudProtection.Commands;

/// <summary>
/// Turns the per-setting parameters that Set-CloudProtection and Test-CloudProtection share into
/// catalog settings with raw values, in catalog order; parameters left out are skipped.
/// </summary>
internal static class SettingValueParameters
{
    public static List<(SettingDefinition Definition, uint Raw)> Collect(
        MAPSReportingType? mapsReporting,
        SubmitSamplesConsentType? submitSamplesConsent,
        CloudBlockLevelType? cloudBlockLevel,
        uint? cloudExtendedTimeout,
        bool? disableBlockAtFirstSeen,
        bool? disableRealtimeMonitoring,
        bool? disableIOAVProtection)
    {
        var values = new List<(SettingDefinition, uint)>();
        Add(values, SettingCatalog.MAPSReporting, (uint?)mapsReporting);
        Add(values, SettingCatalog.SubmitSamplesConsent, (uint?)submitSamplesConsent);
        Add(values, SettingCatalog.CloudBlockLevel, (uint?)cloudBlockLevel);
        Add(values, SettingCatalog.CloudExtendedTimeout, cloudExtendedTimeout);
        Add(values, SettingCatalog.DisableBlockAtFirstSeen, ToRaw(disableBlockAtFirstSeen));
        Add(values, SettingCatalog.DisableRealtimeMonitoring, ToRaw(disableRealtimeMonitoring));
        Add(values, SettingCatalog.DisableIOAVProtection, ToRaw(disableIOAVProtection));
        return values;
    }

    private static uint? ToRaw(bool? flag)
    {
        if (flag is null)
        {
            return null;
        }

        return flag.Value ? 1u : 0u;
    }

    private static void Add(List<(SettingDefinition, uint)> values, string name, uint? raw)
    {
        if (raw is uint value)
        {
            values.Add((SettingCatalog.Get(name), value));
        }
    }
}
