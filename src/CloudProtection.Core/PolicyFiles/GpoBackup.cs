namespace CloudProtection.PolicyFiles;

/// <summary>One GPO from a GPMC backup, with the computer policy of its Machine\registry.pol.</summary>
public sealed class GpoBackup
{
    public GpoBackup(string? displayName, string? gpoId, string? backupId, string backupPath, PolicyFileContents machinePolicy)
    {
        DisplayName = displayName;
        GpoId = gpoId;
        BackupId = backupId;
        BackupPath = backupPath;
        MachinePolicy = machinePolicy;
    }

    /// <summary>The GPO's display name, from manifest.xml, bkupInfo.xml or Backup.xml; null when none of them gives one.</summary>
    public string? DisplayName { get; }

    /// <summary>The GPO GUID in braces, which differs from <see cref="BackupId"/>.</summary>
    public string? GpoId { get; }

    /// <summary>The backup's own GUID in braces, which is also the name of its folder.</summary>
    public string? BackupId { get; }

    /// <summary>The backup's <c>{GUID}</c> folder.</summary>
    public string BackupPath { get; }

    /// <summary>The parsed DomainSysvol\GPO\Machine\registry.pol, or <see cref="PolicyFileContents.Empty"/> when the GPO has none.</summary>
    public PolicyFileContents MachinePolicy { get; }
}
