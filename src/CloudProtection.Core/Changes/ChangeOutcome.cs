namespace CloudProtection.Changes;

/// <summary>What happened to one requested setting change, checked by reading the machine again.</summary>
public enum ChangeOutcome
{
    /// <summary>Written, and Defender now uses the requested value.</summary>
    Applied,

    /// <summary>The local preference already had the requested value (or a policy already enforces it): nothing was written.</summary>
    NoChange,

    /// <summary>The local preference was removed; policy or the default applies again.</summary>
    Reset,

    /// <summary>Group Policy owns the setting, so a local value cannot take effect.</summary>
    ShadowedByGroupPolicy,

    /// <summary>MDM (Intune) owns the setting.</summary>
    ShadowedByMdm,

    /// <summary>Configuration Manager owns the setting.</summary>
    ShadowedByConfigurationManager,

    /// <summary>Defender for Endpoint security settings management owns the setting.</summary>
    ShadowedBySecuritySettingsManagement,

    /// <summary>A value under the Policies key, of unknown origin, owns the setting.</summary>
    ShadowedByPolicyWriterUnknown,

    /// <summary>Tamper protection blocks a change that weakens a guarded setting.</summary>
    BlockedByTamperProtection,

    /// <summary>Not written because of -WhatIf or a declined confirmation.</summary>
    NotWritten,

    /// <summary>The write failed, or reported success but did not take effect.</summary>
    Failed,
}
