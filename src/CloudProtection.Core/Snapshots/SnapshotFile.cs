using System;
using System.IO;
using System.Text;

namespace CloudProtection.Snapshots;

/// <summary>Reading and atomically replacing snapshot files.</summary>
internal static class SnapshotFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes the text to a new temporary file next to the target, flushes it to disk and then moves it over
    /// the target. The temporary file is deleted when any step fails.
    /// </summary>
    public static void WriteAtomically(string fullPath, string text)
    {
        string directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{fullPath}' is a root folder, not a file path.", nameof(fullPath));

        // Same folder, so the final move stays on one volume, where a rename cannot leave half a file.
        string temporaryPath = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            byte[] bytes = StrictUtf8.GetBytes(text);
            using (FileStream stream = new(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(fullPath))
            {
                File.Replace(temporaryPath, fullPath, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporaryPath, fullPath);
            }
        }
        finally
        {
            DeleteQuietly(temporaryPath);
        }
    }

    /// <summary>Decodes the file by its byte order mark: UTF-16 when it has one, otherwise strict UTF-8.</summary>
    /// <exception cref="SnapshotFormatException">The bytes are not valid in that encoding.</exception>
    public static string ReadText(string fullPath)
    {
        byte[] bytes = File.ReadAllBytes(fullPath);

        Encoding encoding = StrictUtf8;
        int start = 0;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
            start = 2;
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            start = 2;
        }

        // A UTF-8 byte order mark stays in the text as U+FEFF, which the JSON parser skips.
        try
        {
            return encoding.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException error)
        {
            throw new SnapshotFormatException(
                $"Snapshot file '{fullPath}' is not valid {encoding.WebName} text: {error.Message} Save the snapshot as UTF-8.",
                fullPath,
                innerException: error);
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Swallowed, because the error that made the save fail matters more than a leftover temporary file.
        }
    }
}
