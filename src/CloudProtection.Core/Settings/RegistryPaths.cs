namespace CloudProtection.Settings;

/// <summary>Registry keys, all under HKEY_LOCAL_MACHINE, that Defender reads its configuration from.</summary>
public static class RegistryPaths
{
    /// <summary>Written by Group Policy, Configuration Manager and security settings management alike.</summary>
    public const string PolicyRoot = @"SOFTWARE\Policies\Microsoft\Windows Defender";

    /// <summary>Written by MDM (Intune) under the Policy CSP names and polarity.</summary>
    public const string MdmRoot = @"SOFTWARE\Policies\Microsoft\Windows Defender\Policy Manager";

    /// <summary>Written by Set-MpPreference, WMI, MpCmdRun and the Windows Security app.</summary>
    public const string LocalRoot = @"SOFTWARE\Microsoft\Windows Defender";

    /// <summary>The MDM merged store, with a <c>&lt;Name&gt;_WinningProvider</c> value per setting.</summary>
    public const string MdmMergedStore = @"SOFTWARE\Microsoft\PolicyManager\current\device\Defender";

    /// <summary>Holds ManagedDefenderProductType: 6 Intune only, 7 Intune and Configuration Manager.</summary>
    public const string ManagedProductTypeKey = LocalRoot;

    public const string ManagedProductTypeValue = "ManagedDefenderProductType";

    /// <summary>Holds EnrollmentStatus of the Defender for Endpoint configuration manager.</summary>
    public const string SenseConfigurationKey = @"SOFTWARE\Microsoft\SenseCM";

    public const string SenseEnrollmentStatusValue = "EnrollmentStatus";

    /// <summary>Joins a key and a relative sub key with one backslash.</summary>
    public static string Combine(string root, string subKey) =>
        string.IsNullOrEmpty(subKey) ? root : root + "\\" + subKey;

    /// <summary>Compares registry key paths the way Windows does: without regard to case or a trailing backslash.</summary>
    public static bool KeyEquals(string left, string right) =>
        string.Equals(Normalize(left), Normalize(right), System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Removes a leading hive name (HKLM, HKEY_LOCAL_MACHINE) and surrounding backslashes.</summary>
    public static string Normalize(string path)
    {
        string trimmed = path.Trim().Trim('\\');
        foreach (string hive in new[] { "HKEY_LOCAL_MACHINE\\", "HKLM:\\", "HKLM\\" })
        {
            if (trimmed.StartsWith(hive, System.StringComparison.OrdinalIgnoreCase))
            {
                return trimmed.Substring(hive.Length).Trim('\\');
            }
        }

        return trimmed;
    }
}
