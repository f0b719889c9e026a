using System;
using System.Collections.Generic;

namespace CloudProtection.PolicyFiles;

/// <summary>A registry value that a registry.pol file sets once all its records are applied in order.</summary>
public sealed class PolicyValue
{
    private readonly byte[] data;

    internal PolicyValue(string key, string name, RegistryValueType type, byte[] data, bool isSoft)
    {
        Key = Settings.RegistryPaths.Normalize(key);
        Name = name;
        Type = type;
        this.data = data;
        IsSoft = isSoft;
    }

    /// <summary>Key path without a hive, as the last record that set the value spells it.</summary>
    public string Key { get; }

    /// <summary>Value name; empty for the key's default value.</summary>
    public string Name { get; }

    public RegistryValueType Type { get; }

    public IReadOnlyList<byte> Data => Array.AsReadOnly(data);

    /// <summary>
    /// True when a <c>**soft.</c> record set the value and the file leaves open whether it already exists:
    /// the value then applies only where the registry does not hold it yet.
    /// </summary>
    public bool IsSoft { get; }

    /// <summary>The number, for a REG_DWORD or REG_DWORD_BIG_ENDIAN of 4 bytes; otherwise null.</summary>
    public uint? DWordValue => RegistryDataDecoder.ToDWord(Type, data);

    /// <summary>The number, for a REG_QWORD of 8 bytes; otherwise null.</summary>
    public ulong? QWordValue => RegistryDataDecoder.ToQWord(Type, data);

    /// <summary>The text without its terminating NUL, for REG_SZ and REG_EXPAND_SZ; otherwise null.</summary>
    public string? StringValue => RegistryDataDecoder.ToText(Type, data);

    /// <summary>The strings of a REG_MULTI_SZ, without empty ones; otherwise null.</summary>
    public IReadOnlyList<string>? MultiStringValue => RegistryDataDecoder.ToTextList(Type, data);

    /// <summary>Whether this is a REG_DWORD of 4 bytes, the only form Defender reads its policies in.</summary>
    public bool IsDWord => Type == RegistryValueType.DWord && data.Length == 4;

    public override string ToString()
    {
        string displayValue = Type switch
        {
            RegistryValueType.DWord or RegistryValueType.DWordBigEndian => DWordValue?.ToString() ?? "(malformed)",
            RegistryValueType.QWord => QWordValue?.ToString() ?? "(malformed)",
            RegistryValueType.String or RegistryValueType.ExpandString => "\"" + StringValue + "\"",
            RegistryValueType.MultiString => string.Join(", ", MultiStringValue ?? Array.Empty<string>()),
            _ => data.Length + " bytes",
        };

        return $"{Key}\\{Name} ({RegistryValueTypeNames.ToRegName(Type)}) = {displayValue}" + (IsSoft ? " (soft)" : "");
    }
}
