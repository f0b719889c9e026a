using System.Collections.Generic;
using System.Linq;

namespace CloudProtection.Resolution;

/// <summary>
/// Which configuration channel wins when several configure the same setting, as data.
/// </summary>
/// <remarks>
/// The order is Microsoft's "in general" list in "Troubleshoot Microsoft Defender Antivirus settings"
/// (learn.microsoft.com/defender-endpoint/troubleshoot-settings, ms.date 04/01/2025): security settings
/// management, Group Policy, Configuration Manager co-management, Configuration Manager standalone,
/// MDM, Configuration Manager tenant attach, and last PowerShell, WMI and MpCmdRun.
/// The first three share one registry location, so on a device they never compete with each other.
/// The ranks matter between that location, MDM's Policy Manager key and the local preference.
/// The ControlPolicyConflict CSP documentation calls Group Policy against MDM a race with no
/// guaranteed winner, so the resolver marks a disagreement between them as unconfirmed.
/// </remarks>
public static class PrecedenceTable
{
    private static readonly Dictionary<ConfigurationSource, int> Ranks = new()
    {
        [ConfigurationSource.SecuritySettingsManagement] = 1,
        [ConfigurationSource.GroupPolicy] = 2,
        [ConfigurationSource.ConfigurationManager] = 3,

        // An unattributed Policies value sits where Group Policy's does: the location decides, not the writer.
        [ConfigurationSource.PolicyWriterUnknown] = 2,
        [ConfigurationSource.Mdm] = 5,
        [ConfigurationSource.LocalPreference] = 7,
        [ConfigurationSource.Default] = 8,
    };

    public const string Citation = "Microsoft, Troubleshoot Microsoft Defender Antivirus settings (troubleshoot-settings), ms.date 04/01/2025";

    /// <summary>Returns the rank of a source: a lower number wins.</summary>
    public static int RankOf(ConfigurationSource source) =>
        Ranks.TryGetValue(source, out int rank) ? rank : int.MaxValue;

    /// <summary>The sources in the order they win.</summary>
    public static IEnumerable<ConfigurationSource> Order => Ranks.OrderBy(pair => pair.Value).Select(pair => pair.Key);
}
