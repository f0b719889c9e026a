namespace CloudProtection.Cim;

/// <summary>CIM namespaces, classes and registry provider constants the module uses.</summary>
public static class CimNames
{
    public const string DefenderNamespace = "root/Microsoft/Windows/Defender";
    public const string PreferenceClass = "MSFT_MpPreference";
    public const string ComputerStatusClass = "MSFT_MpComputerStatus";

    // StdRegProv is preinstalled in both root\default and root\cimv2; root\default also exists on old systems.
    public const string RegistryNamespace = "root/default";
    public const string RegistryClass = "StdRegProv";

    public const string RsopNamespace = "root/rsop/computer";

    /// <summary>The hDefKey number StdRegProv uses for HKEY_LOCAL_MACHINE.</summary>
    public const uint HKeyLocalMachine = 0x80000002;

    // WinError codes that StdRegProv returns.
    public const uint ErrorSuccess = 0;
    public const uint ErrorFileNotFound = 2;
    public const uint ErrorAccessDenied = 5;

    // WBEM_E_TYPE_MISMATCH: GetDWORDValue on a value that is not a REG_DWORD.
    public const uint WbemTypeMismatch = 0x80041005;
}
