using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Management.Infrastructure;
using Microsoft.Management.Infrastructure.Options;

namespace CloudProtection.Cim;

/// <summary>Opens MMI sessions by computer name, or wraps sessions the caller already has.</summary>
internal sealed class MmiConnector : ICimConnector
{
    private readonly LiveConnectionOptions _options;

    public MmiConnector(LiveConnectionOptions options)
    {
        _options = options;
    }

    public Task<ICimOperations> ConnectAsync(string computerName, CancellationToken cancellationToken)
    {
        // Session creation is lazy in MMI: the first operation makes the connection, so no round trip here.
        // The local computer without a credential gets MMI's local session, which needs no WinRM listener.
        CimSession session;
        if (LiveConnectionOptions.IsLocal(computerName) && _options.Credential is null)
        {
            session = CimSession.Create(null);
        }
        else
        {
            CimSessionOptions sessionOptions = _options.Protocol == CimProtocol.Dcom ? new DComSessionOptions() : new WSManSessionOptions();
            if (_options.Credential is { } credential)
            {
                sessionOptions.AddDestinationCredentials(new CimCredential(PasswordAuthenticationMechanism.Default, credential.Domain ?? string.Empty, credential.UserName, credential.Password));
            }

            session = CimSession.Create(computerName, sessionOptions);
        }

        return Task.FromResult<ICimOperations>(new MmiCimOperations(computerName, session, ownsSession: true, _options.OperationTimeout));
    }

    /// <summary>Wraps a session the caller created with New-CimSession; the caller keeps ownership.</summary>
    public static ICimOperations Wrap(object session, TimeSpan? operationTimeout)
    {
        var cimSession = (CimSession)session;
        return new MmiCimOperations(cimSession.ComputerName ?? "localhost", cimSession, ownsSession: false, operationTimeout);
    }
}
