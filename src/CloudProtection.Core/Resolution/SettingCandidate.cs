namespace CloudProtection.Resolution;

/// <summary>One channel's value for one setting, and whether it won.</summary>
public sealed class SettingCandidate
{
    public ConfigurationSource Source { get; set; }

    public CandidateStatus Status { get; set; }

    /// <summary>The value in Get-MpPreference terms (enum, bool or seconds); null when not configured or unreadable.</summary>
    public object? Value { get; set; }

    /// <summary>The number as stored in the channel's own location, before any polarity mapping.</summary>
    public uint? StoredValue { get; set; }

    /// <summary>The registry value path, such as HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Spynet\SpynetReporting.</summary>
    public string? Location { get; set; }

    /// <summary>The GPO name, MDM node or policy name behind the value.</summary>
    public string? Detail { get; set; }

    /// <summary>Why the value is flagged: undefined, unreadable, or ignored.</summary>
    public string? Note { get; set; }

    public override string ToString() => $"{Source}={Value ?? "(none)"} [{Status}]";
}
