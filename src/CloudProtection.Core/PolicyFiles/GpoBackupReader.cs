using System;
using System.Collections.Generic;
using System.IO;
using System.Xml.Linq;

namespace CloudProtection.PolicyFiles;

/// <summary>
/// Reads GPMC backups: either the folder that contains manifest.xml and one <c>{GUID}</c> folder per backup,
/// or one such <c>{GUID}</c> folder with its bkupInfo.xml or Backup.xml.
/// </summary>
public static class GpoBackupReader
{
    internal const string ManifestFileName = "manifest.xml";
    internal const string BackupInfoFileName = "bkupInfo.xml";
    internal const string BackupFileName = "Backup.xml";

    /// <summary>Returns whether a folder looks like a backup of either kind.</summary>
    public static bool IsBackupFolder(string folder) =>
        CaseInsensitivePath.FindFile(folder, ManifestFileName) is not null || IsSingleBackupFolder(folder);

    /// <summary>Reads every backup in a folder of either kind, in the order manifest.xml lists them.</summary>
    /// <param name="folder">The folder that contains manifest.xml, or one backup's <c>{GUID}</c> folder.</param>
    /// <param name="warnings">Receives one message for each listed backup that is skipped because its folder is missing.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist, or none of the listed backup folders does.</exception>
    /// <exception cref="PolicyFileFormatException">An XML file or a registry.pol file is invalid, or the folder is of neither kind.</exception>
    public static IReadOnlyList<GpoBackup> Read(string folder, ICollection<string>? warnings = null)
    {
        string fullPath = Path.GetFullPath(folder);
        if (!Directory.Exists(fullPath))
        {
            throw new DirectoryNotFoundException($"The GPMC backup folder '{fullPath}' was not found.");
        }

        string? manifestPath = CaseInsensitivePath.FindFile(fullPath, ManifestFileName);
        if (manifestPath is not null)
        {
            return ReadManifestFolder(fullPath, manifestPath, warnings);
        }

        if (IsSingleBackupFolder(fullPath))
        {
            return new[] { ReadSingleBackup(fullPath) };
        }

        throw new PolicyFileFormatException(
            $"'{fullPath}' is not a GPMC backup folder: it contains neither {ManifestFileName} nor {BackupInfoFileName} nor {BackupFileName}.",
            fullPath);
    }

    private static bool IsSingleBackupFolder(string folder) =>
        CaseInsensitivePath.FindFile(folder, BackupInfoFileName) is not null
        || CaseInsensitivePath.FindFile(folder, BackupFileName) is not null;

    private static IReadOnlyList<GpoBackup> ReadManifestFolder(string folder, string manifestPath, ICollection<string>? warnings)
    {
        IReadOnlyList<ManifestEntry> entries = ReadManifest(manifestPath);
        var backups = new List<GpoBackup>();
        var missing = new List<string>();

        foreach (ManifestEntry entry in entries)
        {
            string? backupPath = CaseInsensitivePath.FindFolder(folder, entry.BackupId);
            if (backupPath is null)
            {
                missing.Add(entry.BackupId);
                warnings?.Add(
                    $"Skipped the backup of GPO '{entry.DisplayName ?? entry.GpoId ?? entry.BackupId}' because its folder '{Path.Combine(folder, entry.BackupId)}', which {ManifestFileName} lists, was not found.");
                continue;
            }

            backups.Add(new GpoBackup(entry.DisplayName, entry.GpoId, entry.BackupId, backupPath, ReadMachinePolicy(backupPath)));
        }

        if (backups.Count == 0)
        {
            throw new DirectoryNotFoundException(
                $"'{manifestPath}' lists {entries.Count} backups but none of their folders exists in '{folder}': {string.Join(", ", missing)}.");
        }

        return backups;
    }

    private static IReadOnlyList<ManifestEntry> ReadManifest(string manifestPath)
    {
        XDocument document = BackupXmlFile.Load(manifestPath);
        var entries = new List<ManifestEntry>();

        foreach (XElement instance in document.Descendants())
        {
            if (instance.Name.LocalName != "BackupInst")
            {
                continue;
            }

            ManifestEntry entry = ReadBackupInstance(instance, manifestPath);
            entries.Add(entry);
        }

        if (entries.Count == 0)
        {
            throw new PolicyFileFormatException($"'{manifestPath}' lists no backups: it has no BackupInst element.", manifestPath);
        }

        return entries;
    }

    private static ManifestEntry ReadBackupInstance(XElement instance, string xmlPath)
    {
        string? backupId = BackupXmlFile.ReadChild(instance, "ID");
        if (backupId is null)
        {
            throw new PolicyFileFormatException($"'{xmlPath}' has a BackupInst element without an ID.", xmlPath);
        }

        // The ID names a folder, so a value that could leave the backup folder is rejected.
        if (backupId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || backupId == "." || backupId == "..")
        {
            throw new PolicyFileFormatException($"'{xmlPath}' has a BackupInst ID '{backupId}' that is not a folder name.", xmlPath);
        }

        return new ManifestEntry(
            backupId,
            BackupXmlFile.ReadChild(instance, "GPOGuid"),
            BackupXmlFile.ReadChild(instance, "GPODisplayName"));
    }

    private static GpoBackup ReadSingleBackup(string backupPath)
    {
        string folderName = Path.GetFileName(backupPath);
        string? backupId = null;
        string? gpoId = null;
        string? displayName = null;

        string? backupInfoPath = CaseInsensitivePath.FindFile(backupPath, BackupInfoFileName);
        if (backupInfoPath is not null)
        {
            XElement? instance = BackupXmlFile.FindElement(BackupXmlFile.Load(backupInfoPath), "BackupInst");
            if (instance is not null)
            {
                ManifestEntry entry = ReadBackupInstance(instance, backupInfoPath);
                backupId = entry.BackupId;
                gpoId = entry.GpoId;
                displayName = entry.DisplayName;
            }
        }

        // Backup.xml contains the GPO's own settings, so it can stand in when bkupInfo.xml is missing or incomplete.
        string? backupXmlPath = CaseInsensitivePath.FindFile(backupPath, BackupFileName);
        if ((gpoId is null || displayName is null) && backupXmlPath is not null)
        {
            XElement? core = BackupXmlFile.FindElement(BackupXmlFile.Load(backupXmlPath), "GroupPolicyCoreSettings");
            if (core is not null)
            {
                gpoId ??= BackupXmlFile.ReadChild(core, "ID");
                displayName ??= BackupXmlFile.ReadChild(core, "DisplayName");
            }
        }

        backupId ??= LooksLikeBracedGuid(folderName) ? folderName : null;
        return new GpoBackup(displayName, gpoId, backupId, backupPath, ReadMachinePolicy(backupPath));
    }

    private static PolicyFileContents ReadMachinePolicy(string backupPath)
    {
        string? policyPath = CaseInsensitivePath.FindFile(backupPath, "DomainSysvol", "GPO", "Machine", "registry.pol");

        // A GPO without computer registry settings has no Machine\registry.pol at all.
        return policyPath is null ? PolicyFileContents.Empty : PRegReader.Read(policyPath);
    }

    private static bool LooksLikeBracedGuid(string name) =>
        name.Length == 38 && name[0] == '{' && name[37] == '}' && Guid.TryParse(name, out _);

    private sealed class ManifestEntry
    {
        public ManifestEntry(string backupId, string? gpoId, string? displayName)
        {
            BackupId = backupId;
            GpoId = gpoId;
            DisplayName = displayName;
        }

        public string BackupId { get; }

        public string? GpoId { get; }

        public string? DisplayName { get; }
    }
}
