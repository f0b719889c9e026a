using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace CloudProtection.Cim;

/// <summary>
/// The gate in front of MMI. It checks the platform before any MMI type is touched, because on Linux and
/// macOS the first call into MMI throws DllNotFoundException (no libmi), and the pwsh global tool does not
/// even ship the MMI assembly.
/// </summary>
internal static class LiveAccess
{
    public static bool IsSupported => Environment.OSVersion.Platform == PlatformID.Win32NT;

    /// <summary>Returns a connector for computers given by name.</summary>
    /// <exception cref="CimOperationException">Live management is not possible on this platform.</exception>
    public static ICimConnector CreateConnector(LiveConnectionOptions options)
    {
        EnsureSupported();
        try
        {
            return CreateMmiConnector(options);
        }
        catch (Exception exception) when (IsMissingMmi(exception))
        {
            throw PlatformError(exception);
        }
    }

    /// <summary>Wraps a CimSession object that the caller passed with -CimSession.</summary>
    public static ICimOperations WrapSession(object session, TimeSpan? operationTimeout)
    {
        EnsureSupported();
        try
        {
            return WrapMmiSession(session, operationTimeout);
        }
        catch (Exception exception) when (IsMissingMmi(exception))
        {
            throw PlatformError(exception);
        }
    }

    public static CimOperationException PlatformError(Exception? inner = null) =>
        new(
            Environment.MachineName,
            CimFailureKind.PlatformNotSupported,
            "Live management of Microsoft Defender needs Windows: CIM (MMI and libmi) is not available on "
            + System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim() + ". "
            + CimOperationException.Advice(CimFailureKind.PlatformNotSupported),
            innerException: inner);

    private static void EnsureSupported()
    {
        if (!IsSupported)
        {
            throw PlatformError();
        }
    }

    private static bool IsMissingMmi(Exception exception) =>
        exception is DllNotFoundException or FileNotFoundException or FileLoadException or TypeLoadException or TypeInitializationException or BadImageFormatException;

    // Kept out of line so that the JIT resolves MMI types only when these run, after the platform check.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ICimConnector CreateMmiConnector(LiveConnectionOptions options) => new MmiConnector(options);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ICimOperations WrapMmiSession(object session, TimeSpan? operationTimeout) => MmiConnector.Wrap(session, operationTimeout);
}
