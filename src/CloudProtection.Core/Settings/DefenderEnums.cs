namespace CloudProtection.Settings;

// The numbers are the ones MSFT_MpPreference stores, and the names are the ones Set-MpPreference
// accepts. The type names follow the Defender cmdlet metadata (MSFT_MpPreference.cdxml).

/// <summary>Microsoft MAPS membership, the MAPSReporting preference.</summary>
public enum MAPSReportingType : byte
{
    Disabled = 0,

    // Windows 10 and later no longer have a Basic membership: Defender treats 1 as Advanced.
    Basic = 1,
    Advanced = 2,
}

/// <summary>Sample submission consent, the SubmitSamplesConsent preference.</summary>
public enum SubmitSamplesConsentType : byte
{
    AlwaysPrompt = 0,
    SendSafeSamples = 1,
    NeverSend = 2,
    SendAllSamples = 3,
}

/// <summary>Cloud block level, the CloudBlockLevel preference. The numbers are not contiguous.</summary>
public enum CloudBlockLevelType : byte
{
    Default = 0,

    // NOTE: platforms of about 2019 know only 0, 2, 4 and 6, and the Policy CSP does not list 1.
    // Which platform version added Moderate is unconfirmed.
    Moderate = 1,
    High = 2,
    HighPlus = 4,
    ZeroTolerance = 6,
}
