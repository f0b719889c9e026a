using System;
using System.Globalization;

namespace CloudProtection.Cim;

/// <summary>A failed CIM operation, classified so that the cmdlet layer can pick an error id and category.</summary>
public sealed class CimOperationException : Exception
{
    public CimOperationException(string computerName, CimFailureKind kind, string message, uint? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ComputerName = computerName;
        Kind = kind;
        ErrorCode = errorCode;
    }

    public string ComputerName { get; }

    public CimFailureKind Kind { get; }

    /// <summary>The HRESULT or WinError code, when the failure carried one.</summary>
    public uint? ErrorCode { get; }

    /// <summary>The code as administrators search for it, such as 0x800106BA.</summary>
    public string? ErrorCodeText => ErrorCode is null ? null : "0x" + ErrorCode.Value.ToString("X8", CultureInfo.InvariantCulture);

    public const uint DefenderUnavailableHResult = 0x800106BA;
    public const uint ProviderLoadFailureHResult = 0x80041013;
    public const uint AccessDeniedHResult = 0x80070005;
    public const uint WbemAccessDenied = 0x80041003;
    public const uint WbemInvalidNamespace = 0x8004100E;
    public const uint WbemInvalidClass = 0x80041010;
    public const uint WbemNotFound = 0x80041002;
    public const uint WbemGenericFailure = 0x80041001;

    /// <summary>Classifies an HRESULT; codes that name no known cause are Other.</summary>
    public static CimFailureKind Classify(uint errorCode) => errorCode switch
    {
        DefenderUnavailableHResult => CimFailureKind.DefenderUnavailable,
        ProviderLoadFailureHResult or WbemGenericFailure => CimFailureKind.ProviderFailure,
        AccessDeniedHResult or WbemAccessDenied => CimFailureKind.AccessDenied,
        WbemInvalidNamespace or WbemInvalidClass or WbemNotFound => CimFailureKind.NotFound,
        _ => CimFailureKind.Other,
    };

    /// <summary>The next step an administrator can take for each kind of failure.</summary>
    public static string Advice(CimFailureKind kind) => kind switch
    {
        CimFailureKind.ConnectionError => "Check that the computer is on, that WinRM responds (Test-WSMan) or use -Protocol Dcom, and that the firewall allows it.",
        CimFailureKind.AccessDenied => "Run the command elevated (Run as administrator) with an account that is an administrator on that computer.",
        CimFailureKind.DefenderUnavailable => "Microsoft Defender Antivirus is not running there: another antivirus may be active, or the WinDefend service is stopped or removed.",
        CimFailureKind.ProviderFailure => "The Defender WMI provider failed in root/Microsoft/Windows/Defender. Restart the WinDefend service or repair WMI on that computer.",
        CimFailureKind.Timeout => "Raise -OperationTimeoutSec, or check the computer's load and network.",
        CimFailureKind.NotFound => "Microsoft Defender Antivirus is not installed there (on Windows Server, add the Windows-Defender feature).",
        CimFailureKind.PlatformNotSupported => "Use -SnapshotPath here (Get-CloudProtectionState also takes -GroupPolicyPath), or run the command on a Windows host, for example with Invoke-Command.",
        _ => "See the inner error for details.",
    };
}
