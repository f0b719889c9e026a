namespace CloudProtection.Compliance;

/// <summary>Why one setting is or is not as expected, in terms that name who can fix it.</summary>
public enum ComplianceReason
{
    /// <summary>The effective value is the expected one.</summary>
    Compliant,

    /// <summary>The local preference (or the default) differs: Set-CloudProtection can fix it.</summary>
    Different,

    /// <summary>Group Policy sets another value; only the GPO can fix it.</summary>
    ManagedByGroupPolicy,

    /// <summary>MDM sets another value; only the Intune policy can fix it.</summary>
    ManagedByMdm,

    /// <summary>Configuration Manager, security settings management or an unknown writer of the Policies key sets another value.</summary>
    ManagedByOtherPolicy,

    /// <summary>Tamper protection keeps another value.</summary>
    TamperProtection,

    /// <summary>The effective value could not be determined.</summary>
    Unknown,
}
