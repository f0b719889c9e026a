using System;

namespace CloudProtection.Cim;

/// <summary>The protocol of a new CIM session, as New-CimSessionOption names them.</summary>
public enum CimProtocol
{
    Wsman,
    Dcom,
}

/// <summary>How sessions to computers given by name are opened.</summary>
internal sealed class LiveConnectionOptions
{
    public CimProtocol Protocol { get; set; } = CimProtocol.Wsman;

    public NetworkCredentialParts? Credential { get; set; }

    public TimeSpan? OperationTimeout { get; set; }

    public static bool IsLocal(string computerName) =>
        string.IsNullOrEmpty(computerName)
        || computerName == "."
        || string.Equals(computerName, "localhost", StringComparison.OrdinalIgnoreCase)
        || string.Equals(computerName, Environment.MachineName, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A credential split the way CimCredential takes it.</summary>
internal sealed class NetworkCredentialParts
{
    public NetworkCredentialParts(string? domain, string userName, System.Security.SecureString password)
    {
        Domain = domain;
        UserName = userName;
        Password = password;
    }

    public string? Domain { get; }

    public string UserName { get; }

    public System.Security.SecureString Password { get; }
}
