using System;
using System.IO;
using CloudProtection.Facts;
using CloudProtection.Json;

namespace CloudProtection.Snapshots;

/// <summary>
/// Reads and writes snapshot files: the raw facts that Export-CloudProtectionSnapshot captures on one
/// machine, so that Get-CloudProtectionState -SnapshotPath can explain that machine later or elsewhere.
/// </summary>
public static class SnapshotSerializer
{
    /// <summary>The value of the <c>format</c> property that marks a JSON file as a snapshot.</summary>
    public const string FormatName = "CloudProtection.Snapshot";

    /// <summary>
    /// The snapshot format version this module writes and the only one it reads. Optional properties can be
    /// added without a new version, because readers ignore properties they do not know.
    /// </summary>
    public const int FormatVersion = 1;

    /// <summary>Formats the facts as snapshot JSON: indented, with <c>\n</c> line breaks and a final line break.</summary>
    /// <remarks>Origin and SourcePath are not stored, since they describe where facts were read, not the machine.</remarks>
    /// <exception cref="ArgumentException">
    /// A fact cannot be stored: a preference value of an unsupported type, or a Present registry value without a value.
    /// </exception>
    public static string Serialize(MachineFacts facts) => JsonWriter.Write(SnapshotWriter.ToJson(facts)) + "\n";

    /// <summary>Checks and reads snapshot JSON into facts with Origin Snapshot and the given SourcePath.</summary>
    /// <param name="json">The snapshot text.</param>
    /// <param name="sourcePath">The file the text came from, which error messages name.</param>
    /// <exception cref="SnapshotFormatException">The text is not valid JSON or not a valid version 1 snapshot.</exception>
    public static MachineFacts Deserialize(string json, string sourcePath)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        if (sourcePath is null)
        {
            throw new ArgumentNullException(nameof(sourcePath));
        }

        return new SnapshotReader(sourcePath).Read(json);
    }

    /// <summary>
    /// Writes a snapshot file as UTF-8 without a byte order mark. The text goes to a temporary file in the
    /// same folder, which then replaces the target, so a failed save leaves any earlier file as it was.
    /// </summary>
    /// <exception cref="ArgumentException">A fact cannot be stored; nothing is written.</exception>
    /// <exception cref="IOException">Writing or replacing the file failed.</exception>
    public static void Save(MachineFacts facts, string path)
    {
        ThrowIfPathMissing(path);

        // Serializing first means an unsupported fact fails before the disk is touched.
        string text = Serialize(facts);

        SnapshotFile.WriteAtomically(Path.GetFullPath(path), text);
    }

    /// <summary>Reads a snapshot file into facts with Origin Snapshot and SourcePath set to the full path.</summary>
    /// <remarks>UTF-8 with or without a byte order mark is read, and so is UTF-16 with one, as Windows PowerShell 5.1 writes it.</remarks>
    /// <exception cref="FileNotFoundException">No file exists at the path.</exception>
    /// <exception cref="SnapshotFormatException">The file is not a valid version 1 snapshot.</exception>
    public static MachineFacts Load(string path)
    {
        ThrowIfPathMissing(path);
        string fullPath = Path.GetFullPath(path);

        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Snapshot file '{fullPath}' was not found.", fullPath);
        }

        string text = SnapshotFile.ReadText(fullPath);
        return Deserialize(text, fullPath);
    }

    private static void ThrowIfPathMissing(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A snapshot file path is required.", nameof(path));
        }
    }
}
