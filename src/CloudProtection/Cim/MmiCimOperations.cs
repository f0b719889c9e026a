using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Management.Infrastructure;
using Microsoft.Management.Infrastructure.Options;

namespace CloudProtection.Cim;

/// <summary>
/// The one adapter over MMI: <see cref="ICimOperations"/> on a <see cref="CimSession"/>. Nothing else in
/// the module touches MMI types, because any call into MMI fails where libmi is missing (Linux, macOS).
/// </summary>
internal sealed class MmiCimOperations : ICimOperations
{
    private readonly CimSession _session;
    private readonly bool _ownsSession;
    private readonly TimeSpan? _operationTimeout;

    public MmiCimOperations(string computerName, CimSession session, bool ownsSession, TimeSpan? operationTimeout)
    {
        ComputerName = computerName;
        _session = session;
        _ownsSession = ownsSession;
        _operationTimeout = operationTimeout;
    }

    public string ComputerName { get; }

    public async Task<IReadOnlyList<CimRecord>> EnumerateInstancesAsync(string namespaceName, string className, CancellationToken cancellationToken)
    {
        using CimOperationOptions options = CreateOptions(cancellationToken);
        IReadOnlyList<CimInstance> instances = await Run(() => ObservableTask<CimInstance>.Collect(_session.EnumerateInstancesAsync(namespaceName, className, options))).ConfigureAwait(false);
        return instances.Select(ToRecord).ToArray();
    }

    public async Task<IReadOnlyList<CimRecord>> QueryInstancesAsync(string namespaceName, string query, CancellationToken cancellationToken)
    {
        using CimOperationOptions options = CreateOptions(cancellationToken);
        IReadOnlyList<CimInstance> instances = await Run(() => ObservableTask<CimInstance>.Collect(_session.QueryInstancesAsync(namespaceName, "WQL", query, options))).ConfigureAwait(false);
        return instances.Select(ToRecord).ToArray();
    }

    public async Task<CimRecord> InvokeStaticMethodAsync(
        string namespaceName,
        string className,
        string methodName,
        IReadOnlyDictionary<string, object?> parameters,
        CancellationToken cancellationToken)
    {
        using CimOperationOptions options = CreateOptions(cancellationToken);
        var collection = new CimMethodParametersCollection();
        foreach (KeyValuePair<string, object?> parameter in parameters)
        {
            collection.Add(CimMethodParameter.Create(parameter.Key, parameter.Value, CimTypeOf(parameter.Value), CimFlags.In));
        }

        IReadOnlyList<CimMethodResultBase> results = await Run(() => ObservableTask<CimMethodResultBase>.Collect(_session.InvokeMethodAsync(namespaceName, className, methodName, collection, options))).ConfigureAwait(false);
        var record = new CimRecord();
        foreach (CimMethodResult result in results.OfType<CimMethodResult>())
        {
            record["ReturnValue"] = result.ReturnValue?.Value;
            foreach (CimMethodParameter output in result.OutParameters)
            {
                record[output.Name] = output.Value;
            }
        }

        return record;
    }

    public void Dispose()
    {
        if (_ownsSession)
        {
            _session.Dispose();
        }
    }

    private CimOperationOptions CreateOptions(CancellationToken cancellationToken)
    {
        var options = new CimOperationOptions { CancellationToken = cancellationToken };
        if (_operationTimeout is TimeSpan timeout)
        {
            options.Timeout = timeout;
        }

        return options;
    }

    private async Task<T> Run<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (CimException exception)
        {
            throw CimErrorTranslator.Translate(ComputerName, exception);
        }
    }

    private static CimRecord ToRecord(CimInstance instance)
    {
        var record = new CimRecord();
        foreach (CimProperty property in instance.CimInstanceProperties)
        {
            record[property.Name] = property.Value;
        }

        instance.Dispose();
        return record;
    }

    // The core hands over values already typed for the CIM signature (byte for uint8, uint for uint32).
    private static CimType CimTypeOf(object? value) => value switch
    {
        bool => CimType.Boolean,
        byte => CimType.UInt8,
        ushort => CimType.UInt16,
        uint => CimType.UInt32,
        ulong => CimType.UInt64,
        int => CimType.SInt32,
        long => CimType.SInt64,
        string => CimType.String,
        string[] => CimType.StringArray,
        _ => CimType.Unknown,
    };
}
