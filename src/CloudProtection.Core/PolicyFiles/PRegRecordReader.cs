using System.Text;

namespace CloudProtection.PolicyFiles;

/// <summary>
/// Reads the records after a registry.pol header. Every read checks the bytes left first, so a truncated
/// or malformed file raises <see cref="PolicyFileFormatException"/> naming the record's offset.
/// </summary>
internal sealed class PRegRecordReader
{
    private readonly byte[] bytes;
    private readonly string path;
    private int position;
    private int recordOffset;

    public PRegRecordReader(byte[] bytes, string path, int position)
    {
        this.bytes = bytes;
        this.path = path;
        this.position = position;
    }

    public bool AtEnd => position >= bytes.Length;

    public PolicyFileRecord ReadRecord()
    {
        recordOffset = position;

        ExpectCharacter('[', "its opening '['");
        string key = ReadString("its key");
        ExpectCharacter(';', "the ';' after its key");
        string valueName = ReadString("its value name");
        ExpectCharacter(';', "the ';' after its value name");
        uint type = ReadUInt32("its type");
        ExpectCharacter(';', "the ';' after its type");
        uint size = ReadUInt32("its size");
        ExpectCharacter(';', "the ';' after its size");
        byte[] data = ReadData(size);
        ExpectCharacter(']', "its closing ']'");

        return new PolicyFileRecord(recordOffset, key, valueName, (RegistryValueType)type, data);
    }

    private void ExpectCharacter(char expected, string part)
    {
        if (bytes.Length - position < 2)
        {
            throw Truncated($"the file ends before {part}");
        }

        char found = (char)(bytes[position] | bytes[position + 1] << 8);
        if (found != expected)
        {
            throw Malformed($"expected {part} at byte {position} but found U+{(int)found:X4}");
        }

        position += 2;
    }

    /// <summary>Reads a NUL-terminated UTF-16LE string and moves past its NUL.</summary>
    private string ReadString(string part)
    {
        int start = position;
        int end = start;
        while (true)
        {
            if (bytes.Length - end < 2)
            {
                throw Truncated($"the file ends inside {part}, before its terminating NUL");
            }

            if (bytes[end] == 0 && bytes[end + 1] == 0)
            {
                break;
            }

            end += 2;
        }

        position = end + 2;
        return Encoding.Unicode.GetString(bytes, start, end - start);
    }

    private uint ReadUInt32(string part)
    {
        if (bytes.Length - position < 4)
        {
            throw Truncated($"{part} needs 4 bytes but the file ends after {bytes.Length - position}");
        }

        uint result = BitConverterLittleEndian.ToUInt32(bytes, position);
        position += 4;
        return result;
    }

    private byte[] ReadData(uint size)
    {
        int remaining = bytes.Length - position;
        if (size > (uint)remaining)
        {
            throw Truncated($"its data needs {size} bytes but the file ends after {remaining}");
        }

        byte[] data = new byte[size];
        System.Array.Copy(bytes, position, data, 0, (int)size);
        position += (int)size;
        return data;
    }

    private PolicyFileFormatException Truncated(string detail) =>
        new($"'{path}' is not a valid registry.pol file because the record at byte {recordOffset} is truncated: {detail}.", path, recordOffset);

    private PolicyFileFormatException Malformed(string detail) =>
        new($"'{path}' is not a valid registry.pol file because the record at byte {recordOffset} is malformed: {detail}.", path, recordOffset);
}
