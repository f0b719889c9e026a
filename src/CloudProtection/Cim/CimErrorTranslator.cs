using System;
using Microsoft.Management.Infrastructure;

namespace CloudProtection.Cim;

/// <summary>Classifies MMI's CimException into the failure kinds administrators act on.</summary>
internal static class CimErrorTranslator
{
    public static CimOperationException Translate(string computerName, CimException exception)
    {
        // Defender's provider puts its HRESULT into the MI error instance (error_Code). The cmdlet
        // message text is often an unformatted template, so the code is the reliable part.
        // NOTE: this path has not run against a live Defender. error_Code is the MI convention, and
        // where it is missing the exception's HResult is used instead.
        uint? code = ReadErrorCode(exception);
        CimFailureKind kind = code is uint known ? CimOperationException.Classify(known) : CimFailureKind.Other;
        if (kind == CimFailureKind.Other)
        {
            kind = exception.NativeErrorCode switch
            {
                NativeErrorCode.AccessDenied => CimFailureKind.AccessDenied,
                NativeErrorCode.InvalidNamespace or NativeErrorCode.InvalidClass or NativeErrorCode.NotFound => CimFailureKind.NotFound,
                NativeErrorCode.ServerIsShuttingDown or NativeErrorCode.ServerLimitsExceeded => CimFailureKind.ConnectionError,
                _ when IsConnectionCode(code) => CimFailureKind.ConnectionError,
                _ => CimFailureKind.Other,
            };
        }

        string codeText = code is uint value ? $" (0x{value:X8})" : string.Empty;
        string message = $"{exception.Message.Trim()}{codeText} on '{computerName}'. {CimOperationException.Advice(kind)}";
        return new CimOperationException(computerName, kind, message, code, exception);
    }

    private static uint? ReadErrorCode(CimException exception)
    {
        CimProperty? property = exception.ErrorData?.CimInstanceProperties["error_Code"];
        if (property?.Value is not null)
        {
            try
            {
                return Convert.ToUInt32(property.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                return unchecked((uint)Convert.ToInt64(property.Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return exception.HResult != 0 ? unchecked((uint)exception.HResult) : null;
    }

    // 0x8033xxxx are WinRM errors (no listener, name not resolved, refused); 0x800706BA is DCOM's
    // "RPC server unavailable", not to be confused with Defender's 0x800106BA.
    private static bool IsConnectionCode(uint? code) =>
        code is uint value && ((value & 0xFFFF0000) == 0x80330000 || value == 0x800706BA || value == 0x80070035);
}
