using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CloudProtection.PolicyFiles;

/// <summary>Loads the XML files of a GPMC backup (manifest.xml, bkupInfo.xml, Backup.xml) and reads their fields.</summary>
internal static class BackupXmlFile
{
    /// <summary>Loads an XML file, letting XmlReader detect its encoding and falling back to UTF-16LE.</summary>
    /// <exception cref="PolicyFileFormatException">The file is not well-formed XML in either reading.</exception>
    public static XDocument Load(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            using XmlReader reader = XmlReader.Create(stream, CreateSettings());
            return XDocument.Load(reader);
        }
        catch (XmlException firstError)
        {
            // bkupInfo.xml may be UTF-16LE without a byte order mark or declaration, which XmlReader can fail to detect.
            try
            {
                using var text = new StreamReader(path, new UnicodeEncoding(bigEndian: false, byteOrderMark: false), detectEncodingFromByteOrderMarks: false);
                using XmlReader reader = XmlReader.Create(text, CreateSettings());
                return XDocument.Load(reader);
            }
            catch (XmlException)
            {
                throw new PolicyFileFormatException(
                    $"'{path}' is not a valid XML file: {firstError.Message}", path, innerException: firstError);
            }
        }
    }

    /// <summary>Returns the trimmed text of the first child element with this local name, in any namespace, or null.</summary>
    public static string? ReadChild(XElement parent, string localName)
    {
        XElement? child = parent.Elements().FirstOrDefault(element => element.Name.LocalName == localName);
        if (child is null)
        {
            return null;
        }

        string value = child.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Returns the first element with this local name anywhere below <paramref name="document"/>, or null.</summary>
    public static XElement? FindElement(XContainer document, string localName) =>
        document.Descendants().FirstOrDefault(element => element.Name.LocalName == localName);

    // The files come from other machines, so DTDs and external entities stay off.
    private static XmlReaderSettings CreateSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };
}
