using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CloudProtection.Cim;

/// <summary>
/// The CIM operations the module needs on one computer. The MMI adapter implements it over a CimSession;
/// tests and the benchmark implement it with simulated hosts. Every call is one round trip to the computer.
/// </summary>
/// <remarks>Implementations throw <see cref="CimOperationException"/> for every failure they can classify.</remarks>
public interface ICimOperations : IDisposable
{
    /// <summary>The computer name the operations go to, as the caller gave it.</summary>
    string ComputerName { get; }

    /// <summary>Enumerates the instances of a class.</summary>
    Task<IReadOnlyList<CimRecord>> EnumerateInstancesAsync(string namespaceName, string className, CancellationToken cancellationToken);

    /// <summary>Runs a WQL query.</summary>
    Task<IReadOnlyList<CimRecord>> QueryInstancesAsync(string namespaceName, string query, CancellationToken cancellationToken);

    /// <summary>Invokes a static method and returns its out parameters, with the return value under "ReturnValue".</summary>
    Task<CimRecord> InvokeStaticMethodAsync(
        string namespaceName,
        string className,
        string methodName,
        IReadOnlyDictionary<string, object?> parameters,
        CancellationToken cancellationToken);
}

/// <summary>Opens <see cref="ICimOperations"/> to a computer; the cmdlets hand one to the core.</summary>
public interface ICimConnector
{
    /// <summary>Opens the operations to one computer. Connecting may be deferred until the first operation.</summary>
    Task<ICimOperations> ConnectAsync(string computerName, CancellationToken cancellationToken);
}
