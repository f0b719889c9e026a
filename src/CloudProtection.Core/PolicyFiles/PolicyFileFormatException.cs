using System;

namespace CloudProtection.PolicyFiles;

/// <summary>
/// Thrown when a registry.pol file or a GPMC backup's XML file cannot be read as that format.
/// The message names the file and, for registry.pol, the byte offset of the faulty part.
/// </summary>
public sealed class PolicyFileFormatException : Exception
{
    public PolicyFileFormatException(string message, string path, long? offset = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Offset = offset;
    }

    /// <summary>The file that failed to parse.</summary>
    public string Path { get; }

    /// <summary>Byte offset of the header or record that is faulty; null for XML files.</summary>
    public long? Offset { get; }
}
