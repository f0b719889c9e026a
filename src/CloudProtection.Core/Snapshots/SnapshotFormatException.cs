using System;

namespace CloudProtection.Snapshots;

/// <summary>
/// A snapshot that cannot be read: not JSON, not a snapshot, a format version this module does not
/// read, or a member with a missing or invalid value. The message names the file and the place.
/// </summary>
public sealed class SnapshotFormatException : FormatException
{
    public SnapshotFormatException(
        string message,
        string path,
        int? line = null,
        int? column = null,
        string? jsonPath = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Line = line;
        Column = column;
        JsonPath = jsonPath;
    }

    /// <summary>The snapshot file, or the source name given to <see cref="SnapshotSerializer.Deserialize"/>.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the error or of the invalid value. Null when the bytes could not be decoded as text.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column of the error or of the invalid value, counted in UTF-16 code units.</summary>
    public int? Column { get; }

    /// <summary>
    /// The member that is missing or invalid, such as <c>registry[3].state</c>. It is an empty string
    /// for the document itself and null for JSON syntax errors.
    /// </summary>
    public string? JsonPath { get; }
}
