namespace CloudProtection.Settings;

/// <summary>How a setting's raw DWORD is turned into the value that Get-MpPreference shows.</summary>
public enum SettingKind
{
    /// <summary>A closed set of numbers with names (MAPSReporting, SubmitSamplesConsent, CloudBlockLevel).</summary>
    Enumeration,

    /// <summary>A count of seconds inside a range (CloudExtendedTimeout).</summary>
    Seconds,

    /// <summary>0 is false and 1 is true (the Disable* preferences).</summary>
    Boolean,
}
