using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CloudProtection.PolicyFiles;

/// <summary>Loads Group Policy registry settings from a path that a user gives: a registry.pol file or a GPMC backup folder.</summary>
public static class GroupPolicyFileLoader
{
    private const string AcceptedInputs = "a registry.pol file or a GPMC backup folder";

    /// <summary>
    /// Loads the sources at <paramref name="path"/> in the order to apply them, so a later source overrides an earlier one.
    /// </summary>
    /// <param name="path">
    /// A registry.pol file; a GPMC backup folder that contains manifest.xml; one backup's <c>{GUID}</c> folder;
    /// or the manifest.xml, bkupInfo.xml or Backup.xml file of such a folder.
    /// </param>
    /// <param name="warnings">Receives one message for each backup that manifest.xml lists but whose folder is missing.</param>
    /// <exception cref="FileNotFoundException">No file or folder exists at <paramref name="path"/> and it looks like a file name.</exception>
    /// <exception cref="DirectoryNotFoundException">No file or folder exists at <paramref name="path"/>, or no listed backup folder exists.</exception>
    /// <exception cref="PolicyFileFormatException">A file is not valid, or the folder is no backup folder.</exception>
    /// <remarks>
    /// NOTE: backups come in manifest order, which need not be the link order that decides GPO precedence on a machine.
    /// </remarks>
    public static IReadOnlyList<GroupPolicySource> Load(string path, ICollection<string>? warnings = null)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        string fullPath = Path.GetFullPath(path);

        if (File.Exists(fullPath))
        {
            if (IsBackupXmlFile(fullPath))
            {
                return LoadBackups(Path.GetDirectoryName(fullPath)!, warnings);
            }

            return new[] { new GroupPolicySource(null, null, fullPath, PRegReader.Read(fullPath)) };
        }

        if (Directory.Exists(fullPath))
        {
            if (!GpoBackupReader.IsBackupFolder(fullPath))
            {
                throw new PolicyFileFormatException(
                    $"'{fullPath}' contains neither {GpoBackupReader.ManifestFileName} nor {GpoBackupReader.BackupInfoFileName} nor {GpoBackupReader.BackupFileName}, "
                    + $"so it is not a GPMC backup folder. Give {AcceptedInputs}.",
                    fullPath);
            }

            return LoadBackups(fullPath, warnings);
        }

        string message = $"'{fullPath}' was not found. Give {AcceptedInputs}.";
        if (Path.HasExtension(fullPath))
        {
            throw new FileNotFoundException(message, fullPath);
        }

        throw new DirectoryNotFoundException(message);
    }

    private static IReadOnlyList<GroupPolicySource> LoadBackups(string folder, ICollection<string>? warnings) =>
        GpoBackupReader.Read(folder, warnings)
            .Select(backup => new GroupPolicySource(backup.DisplayName, backup.GpoId, backup.BackupPath, backup.MachinePolicy))
            .ToArray();

    private static bool IsBackupXmlFile(string path)
    {
        string name = Path.GetFileName(path);
        return string.Equals(name, GpoBackupReader.ManifestFileName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, GpoBackupReader.BackupInfoFileName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, GpoBackupReader.BackupFileName, StringComparison.OrdinalIgnoreCase);
    }
}
