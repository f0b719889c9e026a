namespace CloudProtection.Facts;

/// <summary>Where a set of machine facts came from.</summary>
public enum FactOrigin
{
    /// <summary>Read just now from a running Defender over CIM.</summary>
    Live,

    /// <summary>Read from a snapshot file that Export-CloudProtectionSnapshot wrote.</summary>
    Snapshot,

    /// <summary>Built from Group Policy files alone: a machine where only those policies apply.</summary>
    GroupPolicyFile,

    /// <summary>A snapshot with Group Policy files applied on top: a prediction.</summary>
    SnapshotWithGroupPolicy,
}
