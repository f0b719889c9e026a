using System;
using System.IO;
using System.Text;
using CloudProtection.Facts;
using CloudProtection.Snapshots;
using Xunit;

namespace CloudProtection.Core.Tests.Snapshots;

public sealed class SnapshotFileTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "CloudProtection.Tests." + Guid.NewGuid().ToString("N"));

    public SnapshotFileTests()
    {
        Directory.CreateDirectory(folder);
    }

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(folder, name);

    [Fact]
    public void Save_ThenLoad()
    {
        string path = PathOf("ws-0142.json");

        SnapshotSerializer.Save(SnapshotSamples.FullFacts(), path);
        MachineFacts facts = SnapshotSerializer.Load(path);

        Assert.Equal("WS-0142", facts.ComputerName);
        Assert.Equal(FactOrigin.Snapshot, facts.Origin);
        Assert.Equal(path, facts.SourcePath);
        Assert.Equal(5, facts.Registry.Count);
    }

    [Fact]
    public void Save_Utf8WithoutByteOrderMark()
    {
        string path = PathOf("ws.json");
        MachineFacts facts = new("POSTE-café", FactOrigin.Live);

        SnapshotSerializer.Save(facts, path);
        byte[] bytes = File.ReadAllBytes(path);

        Assert.Equal((byte)'{', bytes[0]);
        Assert.Equal(SnapshotSerializer.Serialize(facts), new UTF8Encoding(false, true).GetString(bytes));
    }

    [Fact]
    public void Save_ReplacesExistingFile()
    {
        string path = PathOf("ws.json");
        File.WriteAllText(path, "old content that is longer than nothing at all");

        SnapshotSerializer.Save(new MachineFacts("NEW", FactOrigin.Live), path);

        Assert.Equal("NEW", SnapshotSerializer.Load(path).ComputerName);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void Save_SerializationFailureKeepsFile()
    {
        string path = PathOf("ws.json");
        File.WriteAllText(path, "previous snapshot");
        MachineFacts facts = new("WS", FactOrigin.Live);
        facts.Preference["Unsupported"] = new object();

        Assert.Throws<ArgumentException>(() => SnapshotSerializer.Save(facts, path));

        Assert.Equal("previous snapshot", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void Save_SerializationFailureCreatesNothing()
    {
        string path = PathOf("ws.json");
        MachineFacts facts = new("WS", FactOrigin.Live);
        facts.Preference["Ratio"] = double.PositiveInfinity;

        Assert.Throws<ArgumentException>(() => SnapshotSerializer.Save(facts, path));

        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void Save_FailedMoveRemovesTemporaryFile()
    {
        // A folder where the file should go makes the final move fail after the temporary file is written.
        string path = PathOf("taken");
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => SnapshotSerializer.Save(new MachineFacts("WS", FactOrigin.Live), path));

        Assert.Empty(Directory.GetFiles(folder));
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public void Save_MissingFolderThrows()
    {
        string path = Path.Combine(folder, "absent", "ws.json");

        Assert.Throws<DirectoryNotFoundException>(() => SnapshotSerializer.Save(new MachineFacts("WS", FactOrigin.Live), path));
    }

    [Fact]
    public void Load_MissingFileThrows()
    {
        string path = PathOf("missing.json");

        FileNotFoundException error = Assert.Throws<FileNotFoundException>(() => SnapshotSerializer.Load(path));

        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Load_EmptyPathThrows()
    {
        Assert.Throws<ArgumentException>(() => SnapshotSerializer.Load(" "));
    }

    [Fact]
    public void Load_Utf8ByteOrderMark()
    {
        string path = PathOf("bom.json");
        File.WriteAllText(path, SnapshotSamples.ExampleDocument, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        MachineFacts facts = SnapshotSerializer.Load(path);

        Assert.Equal("WS-0142", facts.ComputerName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_Utf16WithByteOrderMark(bool bigEndian)
    {
        // Windows PowerShell 5.1 writes UTF-16 LE with a byte order mark from Out-File and Set-Content -Encoding Unicode.
        string path = PathOf("utf16.json");
        File.WriteAllText(path, SnapshotSamples.ExampleDocument, new UnicodeEncoding(bigEndian, byteOrderMark: true));

        MachineFacts facts = SnapshotSerializer.Load(path);

        Assert.Equal("WS-0142", facts.ComputerName);
    }

    [Fact]
    public void Load_InvalidUtf8()
    {
        string path = PathOf("latin1.json");
        File.WriteAllBytes(path, new byte[] { (byte)'{', 0xE9, (byte)'}' });

        SnapshotFormatException error = Assert.Throws<SnapshotFormatException>(() => SnapshotSerializer.Load(path));

        Assert.Contains("latin1.json", error.Message);
        Assert.Contains("utf-8", error.Message);
        Assert.Null(error.Line);
    }

    [Fact]
    public void Load_ErrorNamesFileAndLine()
    {
        string path = PathOf("broken.json");
        File.WriteAllText(path, "{\n  \"format\": \"CloudProtection.Snapshot\",\n}");

        SnapshotFormatException error = Assert.Throws<SnapshotFormatException>(() => SnapshotSerializer.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("line 2, column 39", error.Message);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Load_RelativePathBecomesFull()
    {
        string path = PathOf("relative.json");
        SnapshotSerializer.Save(new MachineFacts("WS", FactOrigin.Live), path);
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);

        MachineFacts facts = SnapshotSerializer.Load(relative);

        Assert.Equal(path, facts.SourcePath);
    }
}
