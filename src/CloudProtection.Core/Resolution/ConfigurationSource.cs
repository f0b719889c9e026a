namespace CloudProtection.Resolution;

/// <summary>A channel that can configure a Defender setting, or the reason none did.</summary>
public enum ConfigurationSource
{
    /// <summary>Defender for Endpoint security settings management, inferred from SenseCM enrollment.</summary>
    SecuritySettingsManagement,

    /// <summary>A Group Policy object, named by RSOP or by the Group Policy file that was read.</summary>
    GroupPolicy,

    /// <summary>Configuration Manager, inferred from ManagedDefenderProductType 7 (co-management).</summary>
    ConfigurationManager,

    /// <summary>
    /// A value under the Policies key that no evidence attributes: a GPO without RSOP data, Configuration
    /// Manager, security settings management, or a script that wrote the key directly.
    /// </summary>
    PolicyWriterUnknown,

    /// <summary>MDM (Intune), from the Policy Manager key.</summary>
    Mdm,

    /// <summary>The local preference: Set-MpPreference, WMI, MpCmdRun or the Windows Security app.</summary>
    LocalPreference,

    /// <summary>Tamper protection kept the secure value and ignored a weaker configured one.</summary>
    TamperProtection,

    /// <summary>No channel configures the setting, so Defender's default applies.</summary>
    Default,

    /// <summary>A fact needed to decide could not be read.</summary>
    Unknown,
}
