using System.Collections.Generic;

namespace CloudProtection.Settings;

/// <summary>Where one configuration channel stores one setting, and how its number maps to the preference's.</summary>
public sealed class SettingLocation
{
    public SettingLocation(
        string key,
        string valueName,
        Certainty certainty,
        IReadOnlyDictionary<uint, uint>? toPreference = null,
        string? policyName = null,
        string? note = null)
    {
        Key = key;
        ValueName = valueName;
        Certainty = certainty;
        ToPreference = toPreference;
        PolicyName = policyName;
        Note = note;
    }

    /// <summary>Key path under HKEY_LOCAL_MACHINE, without the hive.</summary>
    public string Key { get; }

    public string ValueName { get; }

    /// <summary>Whether Microsoft documents this location, or it is assumed.</summary>
    public Certainty Certainty { get; }

    /// <summary>
    /// Map from the number stored here to the MSFT_MpPreference number; null when they are the same.
    /// MDM stores AllowCloudProtection and Allow* switches, whose polarity and numbers differ.
    /// </summary>
    public IReadOnlyDictionary<uint, uint>? ToPreference { get; }

    /// <summary>Display name of the Group Policy setting or MDM node, for messages.</summary>
    public string? PolicyName { get; }

    public string? Note { get; }

    /// <summary>Full path of the value, as administrators write it in regedit and reg.exe.</summary>
    public string FullPath => "HKLM\\" + Key + "\\" + ValueName;

    /// <summary>Converts a stored number to the preference's number; false when the number has no mapping.</summary>
    public bool TryMapToPreference(uint stored, out uint preference)
    {
        if (ToPreference is null)
        {
            preference = stored;
            return true;
        }

        return ToPreference.TryGetValue(stored, out preference);
    }

    /// <summary>Converts a preference number back to the number this channel stores; false when none maps to it.</summary>
    public bool TryMapFromPreference(uint preference, out uint stored)
    {
        if (ToPreference is null)
        {
            stored = preference;
            return true;
        }

        foreach (KeyValuePair<uint, uint> pair in ToPreference)
        {
            if (pair.Value == preference)
            {
                stored = pair.Key;
                return true;
            }
        }

        stored = 0;
        return false;
    }
}
