using System;
using System.Collections.Generic;
using System.Text;

namespace CloudProtection.PolicyFiles;

/// <summary>Decodes the data bytes of a registry value; every method returns null when the type or size does not fit.</summary>
internal static class RegistryDataDecoder
{
    public static uint? ToDWord(RegistryValueType type, byte[] data)
    {
        if (data.Length != 4)
        {
            return null;
        }

        return type switch
        {
            RegistryValueType.DWord => (uint)(data[0] | data[1] << 8 | data[2] << 16 | data[3] << 24),
            RegistryValueType.DWordBigEndian => (uint)(data[3] | data[2] << 8 | data[1] << 16 | data[0] << 24),
            _ => null,
        };
    }

    public static ulong? ToQWord(RegistryValueType type, byte[] data)
    {
        if (type != RegistryValueType.QWord || data.Length != 8)
        {
            return null;
        }

        ulong result = 0;
        for (int index = 7; index >= 0; index--)
        {
            result = result << 8 | data[index];
        }

        return result;
    }

    public static string? ToText(RegistryValueType type, byte[] data)
    {
        if (type != RegistryValueType.String && type != RegistryValueType.ExpandString)
        {
            return null;
        }

        return DecodeUtf16(data).TrimEnd('\0');
    }

    public static IReadOnlyList<string>? ToTextList(RegistryValueType type, byte[] data)
    {
        if (type != RegistryValueType.MultiString)
        {
            return null;
        }

        // The list ends in two NULs. An empty string inside the list cannot be distinguished from that end, so it is dropped too.
        string[] parts = DecodeUtf16(data).Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries);
        return Array.AsReadOnly(parts);
    }

    /// <summary>Decodes UTF-16LE, leaving out a final odd byte that no character can use.</summary>
    public static string DecodeUtf16(byte[] data) => Encoding.Unicode.GetString(data, 0, data.Length & ~1);
}
