namespace CloudProtection.PolicyFiles;

/// <summary>Reads little-endian numbers whatever the byte order of the machine, which BitConverter does not.</summary>
internal static class BitConverterLittleEndian
{
    public static uint ToUInt32(byte[] bytes, int offset) =>
        (uint)(bytes[offset] | bytes[offset + 1] << 8 | bytes[offset + 2] << 16 | bytes[offset + 3] << 24);
}
