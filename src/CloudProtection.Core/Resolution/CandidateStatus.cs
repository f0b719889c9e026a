namespace CloudProtection.Resolution;

/// <summary>What became of one channel's value for a setting.</summary>
public enum CandidateStatus
{
    /// <summary>This value is the effective one.</summary>
    Winner,

    /// <summary>Configured, but a higher channel won.</summary>
    Shadowed,

    /// <summary>The channel does not configure the setting.</summary>
    NotConfigured,

    /// <summary>Configured, but tamper protection keeps Defender from using it.</summary>
    Ignored,

    /// <summary>The value could not be read, so whether it is configured is unknown.</summary>
    Unreadable,
}
