using System.IO;
using System.Text;

namespace CloudProtection.Tests.PolicyFiles;

/// <summary>Writes GPMC backup folders shaped like the ones GPMC's "Back Up" command creates.</summary>
internal static class GpoBackupBuilder
{
    public const string ManifestNamespace = "http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest";

    public static string BackupInstance(string backupId, string gpoId, string displayName) =>
        $"<BackupInst xmlns=\"{ManifestNamespace}\">"
        + $"<GPOGuid><![CDATA[{gpoId}]]></GPOGuid>"
        + "<GPODomain><![CDATA[example.test]]></GPODomain>"
        + $"<ID><![CDATA[{backupId}]]></ID>"
        + $"<GPODisplayName><![CDATA[{displayName}]]></GPODisplayName>"
        + "</BackupInst>";

    public static string Manifest(params string[] backupInstances) =>
        $"<Backups xmlns=\"{ManifestNamespace}\" xmlns:mfst=\"{ManifestNamespace}\" mfst:version=\"1.0\">"
        + string.Concat(backupInstances)
        + "</Backups>";

    /// <summary>Writes a <c>{GUID}</c> backup folder below <paramref name="root"/> and returns its path.</summary>
    public static string WriteBackup(TempFolder root, string backupId, string gpoId, string displayName, byte[]? registryPol, Encoding? backupInfoEncoding = null)
    {
        string info = BackupInstance(backupId, gpoId, displayName);
        root.WriteFile(Path.Combine(backupId, "bkupInfo.xml"), info, backupInfoEncoding ?? new UTF8Encoding(false));

        if (registryPol is not null)
        {
            root.WriteFile(Path.Combine(backupId, "DomainSysvol", "GPO", "Machine", "registry.pol"), registryPol);
        }

        return Path.Combine(root.Path, backupId);
    }
}
