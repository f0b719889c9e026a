using System;
using System.Collections.Generic;

namespace CloudProtection.PolicyFiles;

/// <summary>One <c>[key;value;type;size;data]</c> record of a registry.pol file, exactly as stored.</summary>
public sealed class PolicyFileRecord
{
    private readonly byte[] data;

    internal PolicyFileRecord(long offset, string key, string valueName, RegistryValueType type, byte[] data)
    {
        Offset = offset;
        Key = key;
        ValueName = valueName;
        Type = type;
        this.data = data;
        Directive = PolicyDirectiveParser.Parse(valueName, out string? target);
        TargetValueName = target;
    }

    /// <summary>Byte offset of the record's opening '[' in the file.</summary>
    public long Offset { get; }

    /// <summary>Key path as the file spells it, without a hive.</summary>
    public string Key { get; }

    /// <summary>Value name as stored, including any "**" control code.</summary>
    public string ValueName { get; }

    public RegistryValueType Type { get; }

    /// <summary>The data bytes, as many as the record's size field gives.</summary>
    public IReadOnlyList<byte> Data => Array.AsReadOnly(data);

    public PolicyDirective Directive { get; }

    /// <summary>The value that <c>**del.</c> or <c>**soft.</c> acts on; null for other records.</summary>
    public string? TargetValueName { get; }

    /// <summary>The number, for a REG_DWORD or REG_DWORD_BIG_ENDIAN of 4 bytes; otherwise null.</summary>
    public uint? DWordValue => RegistryDataDecoder.ToDWord(Type, data);

    /// <summary>The text without its terminating NUL, for REG_SZ and REG_EXPAND_SZ; otherwise null.</summary>
    public string? StringValue => RegistryDataDecoder.ToText(Type, data);

    internal byte[] RawData => data;

    public override string ToString() =>
        $"[{Key};{ValueName};{RegistryValueTypeNames.ToRegName(Type)};{data.Length}] at byte {Offset}";
}
