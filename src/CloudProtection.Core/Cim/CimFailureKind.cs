namespace CloudProtection.Cim;

/// <summary>Why a CIM operation against one computer failed, in the terms an administrator acts on.</summary>
public enum CimFailureKind
{
    /// <summary>The computer could not be reached, or WinRM or DCOM failed.</summary>
    ConnectionError,

    /// <summary>Access denied: the caller is not an administrator there, or the session is not elevated.</summary>
    AccessDenied,

    /// <summary>HRESULT 0x800106BA: the Defender service is not running, or another antivirus is active.</summary>
    DefenderUnavailable,

    /// <summary>HRESULT 0x80041013 or a generic WMI failure: the Defender WMI provider failed to load.</summary>
    ProviderFailure,

    /// <summary>The operation did not finish within the timeout.</summary>
    Timeout,

    /// <summary>The namespace, class or instance does not exist on that computer.</summary>
    NotFound,

    /// <summary>CIM cannot be used on this platform (no libmi outside Windows).</summary>
    PlatformNotSupported,

    Other,
}
