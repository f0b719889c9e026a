using System;
using System.IO;
using System.Management.Automation;
using CloudProtection.Cim;
using CloudProtection.Json;
using CloudProtection.PolicyFiles;
using CloudProtection.Snapshots;

namespace CloudProtection;

/// <summary>Builds ErrorRecords with a stable id, a category that names what failed, and the failing input as target.</summary>
internal static class ErrorRecordFactory
{
    /// <summary>An error for one computer of a live run; the target object is the computer name.</summary>
    public static ErrorRecord ForComputer(Exception exception, string computerName)
    {
        switch (exception)
        {
            case CimOperationException cim:
                return new ErrorRecord(cim, IdOf(cim.Kind), CategoryOf(cim.Kind), computerName);
            case TimeoutException:
                return new ErrorRecord(exception, "OperationTimeout", ErrorCategory.OperationTimeout, computerName);
            case OperationCanceledException:
                return new ErrorRecord(exception, "OperationStopped", ErrorCategory.OperationStopped, computerName);
            case UnauthorizedAccessException:
                return new ErrorRecord(exception, "AccessDenied", ErrorCategory.PermissionDenied, computerName);
            default:
                return new ErrorRecord(exception, "ComputerFailed", ErrorCategory.NotSpecified, computerName);
        }
    }

    /// <summary>Whether an exception means a snapshot or Group Policy file could not be read, which ForPath reports.</summary>
    public static bool IsPathInputError(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or SnapshotFormatException or PolicyFileFormatException or JsonFormatException;

    /// <summary>An error for one snapshot or Group Policy path; the target object is the path.</summary>
    public static ErrorRecord ForPath(Exception exception, string path)
    {
        switch (exception)
        {
            case FileNotFoundException or DirectoryNotFoundException:
                return new ErrorRecord(exception, "PathNotFound", ErrorCategory.ObjectNotFound, path);
            case SnapshotFormatException or JsonFormatException:
                return new ErrorRecord(exception, "InvalidSnapshot", ErrorCategory.InvalidData, path);
            case PolicyFileFormatException:
                return new ErrorRecord(exception, "InvalidGroupPolicyFile", ErrorCategory.InvalidData, path);
            case UnauthorizedAccessException:
                return new ErrorRecord(exception, "PathAccessDenied", ErrorCategory.PermissionDenied, path);
            case IOException:
                return new ErrorRecord(exception, "PathReadFailed", ErrorCategory.ReadError, path);
            default:
                return new ErrorRecord(exception, "PathFailed", ErrorCategory.NotSpecified, path);
        }
    }

    public static string IdOf(CimFailureKind kind) => kind switch
    {
        CimFailureKind.ConnectionError => "ComputerUnreachable",
        CimFailureKind.AccessDenied => "AccessDenied",
        CimFailureKind.DefenderUnavailable => "DefenderUnavailable",
        CimFailureKind.ProviderFailure => "DefenderProviderFailure",
        CimFailureKind.Timeout => "OperationTimeout",
        CimFailureKind.NotFound => "DefenderNotInstalled",
        CimFailureKind.PlatformNotSupported => "LiveManagementRequiresWindows",
        _ => "CimOperationFailed",
    };

    public static ErrorCategory CategoryOf(CimFailureKind kind) => kind switch
    {
        CimFailureKind.ConnectionError => ErrorCategory.ConnectionError,
        CimFailureKind.AccessDenied => ErrorCategory.PermissionDenied,
        CimFailureKind.DefenderUnavailable => ErrorCategory.ResourceUnavailable,
        CimFailureKind.ProviderFailure => ErrorCategory.ResourceUnavailable,
        CimFailureKind.Timeout => ErrorCategory.OperationTimeout,
        CimFailureKind.NotFound => ErrorCategory.NotInstalled,
        CimFailureKind.PlatformNotSupported => ErrorCategory.NotImplemented,
        _ => ErrorCategory.NotSpecified,
    };
}
