using System;
using System.IO;
using System.Text;

namespace CloudProtection.Tests.PolicyFiles;

/// <summary>A fresh folder under the system temp folder, deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "CloudProtectionTests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file below the folder, creating its parent folders, and returns its full path.</summary>
    public string WriteFile(string relativePath, byte[] content)
    {
        string fullPath = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        File.WriteAllBytes(fullPath, content);
        return fullPath;
    }

    /// <summary>Writes text with the encoding's byte order mark, if it has one.</summary>
    public string WriteFile(string relativePath, string content, Encoding encoding)
    {
        byte[] preamble = encoding.GetPreamble();
        byte[] text = encoding.GetBytes(content);
        byte[] whole = new byte[preamble.Length + text.Length];
        preamble.CopyTo(whole, 0);
        text.CopyTo(whole, preamble.Length);
        return WriteFile(relativePath, whole);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does no harm, and failing the test for it would hide the real result.
        }
    }
}
