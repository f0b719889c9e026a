namespace CloudProtection.Compliance;

/// <summary>Whether a machine meets the expected cloud protection configuration.</summary>
public enum ComplianceStatus
{
    Compliant,

    NonCompliant,

    /// <summary>Defender is not installed, not running, or in passive mode, so cloud protection does not apply.</summary>
    NotApplicable,

    /// <summary>A value needed for the decision could not be read.</summary>
    Unknown,
}
