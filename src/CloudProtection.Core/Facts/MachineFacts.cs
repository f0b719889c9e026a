using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudProtection.Facts;

/// <summary>
/// The raw facts about one machine that the resolver needs: registry values, RSOP evidence and, when
/// Defender was asked, MSFT_MpPreference and MSFT_MpComputerStatus. A snapshot file stores exactly this.
/// </summary>
public sealed class MachineFacts
{
    public MachineFacts(string computerName, FactOrigin origin)
    {
        ComputerName = computerName;
        Origin = origin;
    }

    public string ComputerName { get; set; }

    public FactOrigin Origin { get; set; }

    public DateTimeOffset? CapturedAt { get; set; }

    /// <summary>Where the facts were read from: a snapshot or Group Policy path, or null when live.</summary>
    public string? SourcePath { get; set; }

    public FactStatus PreferenceStatus { get; set; } = FactStatus.NotCollected;

    public string? PreferenceError { get; set; }

    /// <summary>MSFT_MpPreference properties as Defender reported them, in their CIM numbering (bool, byte, uint).</summary>
    public Dictionary<string, object?> Preference { get; } = new(StringComparer.OrdinalIgnoreCase);

    public FactStatus ComputerStatusStatus { get; set; } = FactStatus.NotCollected;

    public string? ComputerStatusError { get; set; }

    public ComputerStatusFacts ComputerStatus { get; set; } = new();

    public List<RegistryValueFact> Registry { get; } = new();

    /// <summary>Whether RSOP (or the Group Policy files) could be asked which GPO set each policy value.</summary>
    public FactStatus PolicyRecordStatus { get; set; } = FactStatus.NotCollected;

    public string? PolicyRecordError { get; set; }

    public List<PolicyRecord> PolicyRecords { get; } = new();

    /// <summary>
    /// The <c>&lt;Name&gt;_WinningProvider</c> strings of the MDM merged store, by Policy CSP name (such as
    /// AllowCloudProtection): the enrollment whose MDM value won. Empty when none was found.
    /// </summary>
    public Dictionary<string, string> MdmWinningProviders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns what was read for one value, or null when the value was never asked for.</summary>
    public RegistryValueFact? FindRegistryValue(string key, string valueName)
    {
        // The last fact wins, so a Group Policy file applied over a snapshot replaces the snapshot's value.
        for (int index = Registry.Count - 1; index >= 0; index--)
        {
            RegistryValueFact fact = Registry[index];
            if (Settings.RegistryPaths.KeyEquals(fact.Key, key)
                && string.Equals(fact.ValueName, valueName, StringComparison.OrdinalIgnoreCase))
            {
                return fact;
            }
        }

        return null;
    }

    /// <summary>Replaces what is known of one value, or adds it.</summary>
    public void SetRegistryValue(RegistryValueFact fact)
    {
        Registry.RemoveAll(existing =>
            Settings.RegistryPaths.KeyEquals(existing.Key, fact.Key)
            && string.Equals(existing.ValueName, fact.ValueName, StringComparison.OrdinalIgnoreCase));
        Registry.Add(fact);
    }

    /// <summary>Returns the GPO evidence for one policy value; the last matching record wins, as in a later GPO.</summary>
    public PolicyRecord? FindPolicyRecord(string key, string valueName) =>
        PolicyRecords.LastOrDefault(record =>
            Settings.RegistryPaths.KeyEquals(record.Key, key)
            && string.Equals(record.ValueName, valueName, StringComparison.OrdinalIgnoreCase));
}
