using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace CloudProtection.Commands;

/// <summary>
/// Accepts only CimSession objects for -CimSession. The parameter is typed object[] because a CimSession
/// type in a cmdlet's signature makes PowerShell load MMI just to bind parameters, which fails where
/// MMI is absent (the pwsh global tool on Linux) even for -SnapshotPath calls.
/// </summary>
internal sealed class CimSessionTransformationAttribute : ArgumentTransformationAttribute
{
    private const string CimSessionTypeName = "Microsoft.Management.Infrastructure.CimSession";

    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var sessions = new List<object>();
        IEnumerable items = inputData is IEnumerable enumerable and not string ? enumerable : new[] { inputData };
        foreach (object? item in items)
        {
            object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
            if (value is null || value.GetType().FullName != CimSessionTypeName)
            {
                throw new ArgumentTransformationMetadataException(
                    $"'{value ?? "null"}' is not a CimSession. Create one with New-CimSession -ComputerName <name>, or use -ComputerName instead of -CimSession.");
            }

            sessions.Add(value);
        }

        return sessions.ToArray();
    }
}
