using System;
using System.Collections.Generic;

namespace CloudProtection.Cim;

/// <summary>
/// The properties of one CIM instance, or the out parameters of one method call, as plain .NET values.
/// Keeping MMI's CimInstance out of the core is what lets everything above the adapter run on Linux.
/// </summary>
public sealed class CimRecord : Dictionary<string, object?>
{
    public CimRecord()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>Returns the property converted to T, or default when it is missing, null or of another type.</summary>
    public T? Get<T>(string name)
    {
        if (!TryGetValue(name, out object? value) || value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        try
        {
            Type target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            return (T)Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is InvalidCastException or FormatException or OverflowException)
        {
            return default;
        }
    }
}
