using System;
using System.IO;
using System.Linq;

namespace CloudProtection.PolicyFiles;

/// <summary>
/// Finds the files and folders of a backup whatever the case of their names. Windows tools write both
/// registry.pol and Registry.pol, and a backup copied to a case-sensitive file system keeps whichever it got.
/// </summary>
internal static class CaseInsensitivePath
{
    /// <summary>Returns the existing path below <paramref name="folder"/> that matches the segments, the last one a file; or null.</summary>
    public static string? FindFile(string folder, params string[] segments)
    {
        string current = folder;
        for (int index = 0; index < segments.Length; index++)
        {
            bool isLast = index == segments.Length - 1;
            string? next = FindEntry(current, segments[index], isLast);
            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>Returns the existing subfolder of <paramref name="folder"/> with this name in any case, or null.</summary>
    public static string? FindFolder(string folder, string name) => FindEntry(folder, name, isFile: false);

    private static string? FindEntry(string folder, string name, bool isFile)
    {
        string exact = Path.Combine(folder, name);
        if (isFile ? File.Exists(exact) : Directory.Exists(exact))
        {
            return exact;
        }

        if (!Directory.Exists(folder))
        {
            return null;
        }

        var entries = isFile ? Directory.EnumerateFiles(folder) : Directory.EnumerateDirectories(folder);
        return entries.FirstOrDefault(entry => string.Equals(Path.GetFileName(entry), name, StringComparison.OrdinalIgnoreCase));
    }
}
