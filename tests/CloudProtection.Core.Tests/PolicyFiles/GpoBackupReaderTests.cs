using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CloudProtection.PolicyFiles;
using Xunit;

namespace CloudProtection.Tests.PolicyFiles;

public class GpoBackupReaderTests
{
    private const string Spynet = @"Software\Policies\Microsoft\Windows Defender\Spynet";
    private const string FirstBackupId = "{11111111-2222-3333-4444-555555555555}";
    private const string FirstGpoId = "{AAAAAAAA-0000-0000-0000-000000000001}";
    private const string MissingBackupId = "{99999999-8888-7777-6666-555555555555}";
    private const string SecondBackupId = "{22222222-3333-4444-5555-666666666666}";

    private static string WriteTwoBackupManifest(TempFolder root)
    {
        string manifest = GpoBackupBuilder.Manifest(
            GpoBackupBuilder.BackupInstance(FirstBackupId, FirstGpoId, "Defender Baseline"),
            GpoBackupBuilder.BackupInstance(MissingBackupId, "{AAAAAAAA-0000-0000-0000-000000000002}", "Missing GPO"));
        root.WriteFile("manifest.xml", manifest, new UTF8Encoding(false));

        byte[] policy = new PRegWriter().DWord(Spynet, "SpynetReporting", 2).ToArray();
        GpoBackupBuilder.WriteBackup(root, FirstBackupId, FirstGpoId, "Defender Baseline", policy);
        return root.Path;
    }

    [Fact]
    public void Manifest_ReadsExistingBackup()
    {
        using var root = new TempFolder();
        WriteTwoBackupManifest(root);

        GpoBackup backup = Assert.Single(GpoBackupReader.Read(root.Path));

        Assert.Equal("Defender Baseline", backup.DisplayName);
        Assert.Equal(FirstGpoId, backup.GpoId);
        Assert.Equal(FirstBackupId, backup.BackupId);
        Assert.Equal(Path.Combine(root.Path, FirstBackupId), backup.BackupPath);
        Assert.Equal(2u, Assert.Single(backup.MachinePolicy.Values).DWordValue);
    }

    [Fact]
    public void Manifest_WarnsAboutMissingFolder()
    {
        using var root = new TempFolder();
        WriteTwoBackupManifest(root);
        var warnings = new List<string>();

        GpoBackupReader.Read(root.Path, warnings);

        string warning = Assert.Single(warnings);
        Assert.Contains(MissingBackupId, warning);
        Assert.Contains("Missing GPO", warning);
    }

    [Fact]
    public void Manifest_KeepsListedOrder()
    {
        using var root = new TempFolder();
        root.WriteFile("manifest.xml", GpoBackupBuilder.Manifest(
            GpoBackupBuilder.BackupInstance(SecondBackupId, "{B}", "Second"),
            GpoBackupBuilder.BackupInstance(FirstBackupId, "{A}", "First")), new UTF8Encoding(false));
        GpoBackupBuilder.WriteBackup(root, FirstBackupId, "{A}", "First", null);
        GpoBackupBuilder.WriteBackup(root, SecondBackupId, "{B}", "Second", null);

        IReadOnlyList<GpoBackup> backups = GpoBackupReader.Read(root.Path);

        Assert.Equal(new[] { "Second", "First" }, backups.Select(backup => backup.DisplayName));
    }

    [Fact]
    public void Manifest_AllFoldersMissingThrows()
    {
        using var root = new TempFolder();
        root.WriteFile("manifest.xml", GpoBackupBuilder.Manifest(
            GpoBackupBuilder.BackupInstance(MissingBackupId, "{A}", "Gone")), new UTF8Encoding(false));

        var error = Assert.Throws<DirectoryNotFoundException>(() => GpoBackupReader.Read(root.Path));

        Assert.Contains(MissingBackupId, error.Message);
    }

    [Fact]
    public void Manifest_WithoutBackupsThrows()
    {
        using var root = new TempFolder();
        root.WriteFile("manifest.xml", GpoBackupBuilder.Manifest(), new UTF8Encoding(false));

        var error = Assert.Throws<PolicyFileFormatException>(() => GpoBackupReader.Read(root.Path));

        Assert.Contains("lists no backups", error.Message);
    }

    [Fact]
    public void Manifest_InvalidXmlThrows()
    {
        using var root = new TempFolder();
        string path = root.WriteFile("manifest.xml", "<Backups><BackupInst>", new UTF8Encoding(false));

        var error = Assert.Throws<PolicyFileFormatException>(() => GpoBackupReader.Read(root.Path));

        Assert.Equal(path, error.Path);
        Assert.Null(error.Offset);
    }

    [Fact]
    public void Manifest_IdLeavingFolderThrows()
    {
        using var root = new TempFolder();
        root.WriteFile("manifest.xml", GpoBackupBuilder.Manifest(
            GpoBackupBuilder.BackupInstance("..", "{A}", "Escape")), new UTF8Encoding(false));

        Assert.Throws<PolicyFileFormatException>(() => GpoBackupReader.Read(root.Path));
    }

    public static TheoryData<string, Encoding> BackupInfoEncodings => new()
    {
        { "UTF-16LE without BOM", new UnicodeEncoding(bigEndian: false, byteOrderMark: false) },
        { "UTF-16LE with BOM", new UnicodeEncoding(bigEndian: false, byteOrderMark: true) },
        { "UTF-16BE with BOM", new UnicodeEncoding(bigEndian: true, byteOrderMark: true) },
        { "UTF-8 without BOM", new UTF8Encoding(false) },
        { "UTF-8 with BOM", new UTF8Encoding(true) },
    };

    [Theory]
    [MemberData(nameof(BackupInfoEncodings))]
    public void BackupInfo_ReadsDisplayName(string caseName, Encoding encoding)
    {
        using var root = new TempFolder();
        string backupPath = GpoBackupBuilder.WriteBackup(root, FirstBackupId, FirstGpoId, "Encoded " + caseName, null, encoding);

        GpoBackup backup = Assert.Single(GpoBackupReader.Read(backupPath));

        Assert.Equal("Encoded " + caseName, backup.DisplayName);
        Assert.Equal(FirstGpoId, backup.GpoId);
        Assert.Equal(FirstBackupId, backup.BackupId);
    }

    [Fact]
    public void BackupInfo_WithUtf16DeclarationWithoutBom()
    {
        using var root = new TempFolder();
        string info = "<?xml version=\"1.0\" encoding=\"utf-16\"?>" + GpoBackupBuilder.BackupInstance(FirstBackupId, FirstGpoId, "Declared");
        root.WriteFile(Path.Combine(FirstBackupId, "bkupInfo.xml"), info, new UnicodeEncoding(false, false));

        GpoBackup backup = Assert.Single(GpoBackupReader.Read(Path.Combine(root.Path, FirstBackupId)));

        Assert.Equal("Declared", backup.DisplayName);
    }

    [Fact]
    public void BackupInfo_Utf16AfterLineBreak()
    {
        // Without a BOM, a leading line break hides UTF-16 from XmlReader's detection, so the reader must fall back.
        using var root = new TempFolder();
        string info = "\r\n" + GpoBackupBuilder.BackupInstance(FirstBackupId, FirstGpoId, "Fallback");
        root.WriteFile(Path.Combine(FirstBackupId, "bkupInfo.xml"), info, new UnicodeEncoding(false, false));

        GpoBackup backup = Assert.Single(GpoBackupReader.Read(Path.Combine(root.Path, FirstBackupId)));

        Assert.Equal("Fallback", backup.DisplayName);
    }

    [Fact]
    public void BackupXmlOnly_ReadsCoreSettings()
    {
        using var root = new TempFolder();
        string backupXml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><GroupPolicyBackupScheme xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations\">"
            + "<GroupPolicyObject><GroupPolicyCoreSettings>"
            + $"<ID><![CDATA[{FirstGpoId}]]></ID><DisplayName><![CDATA[From Backup.xml]]></DisplayName>"
            + "</GroupPolicyCoreSettings></GroupPolicyObject></GroupPolicyBackupScheme>";
        root.WriteFile(Path.Combine(FirstBackupId, "Backup.xml"), backupXml, new UTF8Encoding(false));

        GpoBackup backup = Assert.Single(GpoBackupReader.Read(Path.Combine(root.Path, FirstBackupId)));

        Assert.Equal("From Backup.xml", backup.DisplayName);
        Assert.Equal(FirstGpoId, backup.GpoId);
        Assert.Equal(FirstBackupId, backup.BackupId);
    }

    [Fact]
    public void MissingRegistryPol_GivesEmptyPolicy()
    {
        using var root = new TempFolder();
        string backupPath = GpoBackupBuilder.WriteBackup(root, FirstBackupId, FirstGpoId, "User settings only", null);

        GpoBackup backup = Assert.Single(GpoBackupReader.Read(backupPath));

        Assert.Empty(backup.MachinePolicy.Values);
        Assert.Null(backup.MachinePolicy.Path);
    }

    [Fact]
    public void RegistryPolCase_FoundAnyway()
    {
        using var root = new TempFolder();
        GpoBackupBuilder.WriteBackup(root, FirstBackupId, FirstGpoId, "Upper case", null);
        root.WriteFile(
            Path.Combine(FirstBackupId, "DomainSysvol", "GPO", "Machine", "Registry.pol"),
            new PRegWriter().DWord(Spynet, "SpynetReporting", 1).ToArray());

        GpoBackup backup = Assert.Single(GpoBackupReader.Read(Path.Combine(root.Path, FirstBackupId)));

        Assert.Single(backup.MachinePolicy.Values);
    }

    [Fact]
    public void BadRegistryPol_Throws()
    {
        using var root = new TempFolder();
        GpoBackupBuilder.WriteBackup(root, FirstBackupId, FirstGpoId, "Broken", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });

        var error = Assert.Throws<PolicyFileFormatException>(() => GpoBackupReader.Read(Path.Combine(root.Path, FirstBackupId)));

        Assert.EndsWith("registry.pol", error.Path);
    }

    [Fact]
    public void PlainFolder_Throws()
    {
        using var root = new TempFolder();

        var error = Assert.Throws<PolicyFileFormatException>(() => GpoBackupReader.Read(root.Path));

        Assert.Contains("neither manifest.xml nor bkupInfo.xml", error.Message);
    }

    [Fact]
    public void MissingFolder_Throws()
    {
        using var root = new TempFolder();
        string missing = Path.Combine(root.Path, "absent");

        var error = Assert.Throws<DirectoryNotFoundException>(() => GpoBackupReader.Read(missing));

        Assert.Contains(missing, error.Message);
    }
}
