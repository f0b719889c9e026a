using System;
using System.Collections.Generic;
using System.IO;

namespace CloudProtection.PolicyFiles;

/// <summary>
/// Reads Registry Policy files (registry.pol): an 8-byte header, "PReg" and version 1, followed by
/// <c>[key;value;type;size;data]</c> records whose brackets, separators and strings are UTF-16LE.
/// </summary>
public static class PRegReader
{
    /// <summary>"PReg" in ASCII, which read as a little-endian uint32 is 0x67655250.</summary>
    private static readonly byte[] Signature = { 0x50, 0x52, 0x65, 0x67 };

    private const uint SupportedVersion = 1;

    private const int HeaderLength = 8;

    /// <summary>Reads and parses a registry.pol file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="PolicyFileFormatException">The file is not a valid registry.pol file.</exception>
    public static PolicyFileContents Read(string path)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The registry.pol file '{fullPath}' was not found.", fullPath);
        }

        return Parse(File.ReadAllBytes(fullPath), fullPath);
    }

    /// <summary>Parses the bytes of a registry.pol file; <paramref name="path"/> only names the file in errors.</summary>
    /// <exception cref="PolicyFileFormatException">The bytes are not a valid registry.pol file.</exception>
    public static PolicyFileContents Parse(byte[] bytes, string path)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        ReadHeader(bytes, path);

        var records = new List<PolicyFileRecord>();
        var reader = new PRegRecordReader(bytes, path, HeaderLength);
        while (!reader.AtEnd)
        {
            records.Add(reader.ReadRecord());
        }

        return PolicyStateBuilder.Build(path, records);
    }

    private static void ReadHeader(byte[] bytes, string path)
    {
        int signatureBytes = Math.Min(bytes.Length, Signature.Length);
        for (int index = 0; index < signatureBytes; index++)
        {
            if (bytes[index] != Signature[index])
            {
                throw new PolicyFileFormatException(
                    $"'{path}' is not a registry.pol file: it does not start with the PReg signature.", path, 0);
            }
        }

        if (bytes.Length < HeaderLength)
        {
            throw new PolicyFileFormatException(
                $"'{path}' is not a registry.pol file: it is {bytes.Length} bytes long, shorter than the {HeaderLength}-byte header.",
                path,
                0);
        }

        uint version = BitConverterLittleEndian.ToUInt32(bytes, Signature.Length);
        if (version != SupportedVersion)
        {
            throw new PolicyFileFormatException(
                $"'{path}' uses registry.pol version {version}, which is not supported: only version {SupportedVersion} exists.",
                path,
                Signature.Length);
        }
    }
}
