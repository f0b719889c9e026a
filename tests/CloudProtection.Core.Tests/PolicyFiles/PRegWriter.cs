using System;
using System.Collections.Generic;
using System.Text;
using CloudProtection.PolicyFiles;

namespace CloudProtection.Tests.PolicyFiles;

/// <summary>Builds registry.pol bytes for tests, including deliberately broken ones.</summary>
public sealed class PRegWriter
{
    private readonly List<byte> bytes = new();

    public PRegWriter(uint version = 1)
    {
        bytes.AddRange(Encoding.ASCII.GetBytes("PReg"));
        bytes.AddRange(BitConverter.GetBytes(version));
    }

    public int Length => bytes.Count;

    public PRegWriter DWord(string key, string name, uint value) =>
        Record(key, name, RegistryValueType.DWord, BitConverter.GetBytes(value));

    public PRegWriter QWord(string key, string name, ulong value) =>
        Record(key, name, RegistryValueType.QWord, BitConverter.GetBytes(value));

    public PRegWriter Text(string key, string name, string value, RegistryValueType type = RegistryValueType.String) =>
        Record(key, name, type, Encoding.Unicode.GetBytes(value + "\0"));

    public PRegWriter MultiText(string key, string name, params string[] values) =>
        Record(key, name, RegistryValueType.MultiString, Encoding.Unicode.GetBytes(string.Join("\0", values) + "\0\0"));

    public PRegWriter Delete(string key, string name) => Text(key, "**del." + name, " ");

    public PRegWriter DeleteAllValues(string key) => Text(key, "**delvals.", " ");

    public PRegWriter DeleteValues(string key, string names) => Text(key, "**DeleteValues", names);

    public PRegWriter DeleteKeys(string key, string subKeys) => Text(key, "**DeleteKeys", subKeys);

    public PRegWriter Soft(string key, string name, uint value) => DWord(key, "**soft." + name, value);

    public PRegWriter SecureKey(string key) => DWord(key, "**SecureKey", 1);

    public PRegWriter Record(string key, string name, RegistryValueType type, byte[] data) =>
        RawRecord(key, name, (uint)type, (uint)data.Length, data);

    /// <summary>Writes a record whose size field may disagree with its data, to build broken files.</summary>
    public PRegWriter RawRecord(string key, string name, uint type, uint size, byte[] data)
    {
        WriteCharacter('[');
        WriteString(key);
        WriteCharacter(';');
        WriteString(name);
        WriteCharacter(';');
        bytes.AddRange(BitConverter.GetBytes(type));
        WriteCharacter(';');
        bytes.AddRange(BitConverter.GetBytes(size));
        WriteCharacter(';');
        bytes.AddRange(data);
        WriteCharacter(']');
        return this;
    }

    public PRegWriter RawBytes(params byte[] extra)
    {
        bytes.AddRange(extra);
        return this;
    }

    public byte[] ToArray() => bytes.ToArray();

    public PolicyFileContents Parse(string path = "test.pol") => PRegReader.Parse(ToArray(), path);

    private void WriteCharacter(char character) => bytes.AddRange(Encoding.Unicode.GetBytes(new[] { character }));

    private void WriteString(string text) => bytes.AddRange(Encoding.Unicode.GetBytes(text + "\0"));
}
