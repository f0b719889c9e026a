using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CloudProtection.PolicyFiles;
using Xunit;

namespace CloudProtection.Tests.PolicyFiles;

public class PRegReaderTests
{
    private const string Spynet = @"Software\Policies\Microsoft\Windows Defender\Spynet";

    private static PolicyValue? Find(PolicyFileContents contents, string key, string name) =>
        contents.Values.SingleOrDefault(value =>
            string.Equals(value.Key, key, StringComparison.OrdinalIgnoreCase)
            && string.Equals(value.Name, name, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("SpynetReporting", 2u)]
    [InlineData("SubmitSamplesConsent", 3u)]
    [InlineData("DisableBlockAtFirstSeen", 0u)]
    public void DWordValue_IsRead(string name, uint expected)
    {
        PolicyFileContents contents = new PRegWriter()
            .DWord(Spynet, "SpynetReporting", 2)
            .DWord(Spynet, "SubmitSamplesConsent", 3)
            .DWord(Spynet, "DisableBlockAtFirstSeen", 0)
            .Parse();

        PolicyValue? value = Find(contents, Spynet, name);

        Assert.NotNull(value);
        Assert.Equal(RegistryValueType.DWord, value!.Type);
        Assert.Equal(expected, value.DWordValue);
        Assert.True(value.IsDWord);
        Assert.False(value.IsSoft);
    }

    [Fact]
    public void ZeroValue_KeptAsConfigured()
    {
        PolicyFileContents contents = new PRegWriter().DWord(Spynet, "SpynetReporting", 0).Parse();

        PolicyValue? value = Find(contents, Spynet, "SpynetReporting");

        Assert.NotNull(value);
        Assert.Equal(0u, value!.DWordValue);
        Assert.Empty(contents.Deletions);
    }

    [Fact]
    public void RecordFields_KeptRaw()
    {
        var writer = new PRegWriter().DWord(Spynet, "SpynetReporting", 2);

        PolicyFileRecord record = Assert.Single(writer.Parse().Records);

        Assert.Equal(8, record.Offset);
        Assert.Equal(Spynet, record.Key);
        Assert.Equal("SpynetReporting", record.ValueName);
        Assert.Equal(RegistryValueType.DWord, record.Type);
        Assert.Equal(new byte[] { 2, 0, 0, 0 }, record.Data);
        Assert.Equal(PolicyDirective.None, record.Directive);
    }

    [Theory]
    [InlineData(@"SOFTWARE\Policies\Microsoft\Windows Defender\Spynet")]
    [InlineData(@"software\policies\microsoft\windows defender\spynet")]
    [InlineData(@"Software\Policies\Microsoft\Windows Defender\Spynet\")]
    public void KeyCase_MergesToOneValue(string secondKey)
    {
        PolicyFileContents contents = new PRegWriter()
            .DWord(Spynet, "SpynetReporting", 1)
            .DWord(secondKey, "spynetreporting", 2)
            .Parse();

        PolicyValue value = Assert.Single(contents.Values);

        Assert.Equal(2u, value.DWordValue);
        Assert.Equal(2, contents.Records.Count);
    }

    [Fact]
    public void LaterRecord_OverridesEarlier()
    {
        PolicyFileContents contents = new PRegWriter()
            .DWord(Spynet, "SpynetReporting", 1)
            .DWord(Spynet, "SubmitSamplesConsent", 1)
            .DWord(Spynet, "SpynetReporting", 2)
            .Parse();

        Assert.Equal(2, contents.Values.Count);
        Assert.Equal(2u, Find(contents, Spynet, "SpynetReporting")!.DWordValue);
        Assert.Equal("SpynetReporting", contents.Values.Last().Name);
    }

    public static TheoryData<string, PRegWriter, string, string, uint?> DirectiveCases => new()
    {
        { "del. removes value", new PRegWriter().DWord(Spynet, "A", 1).Delete(Spynet, "A"), Spynet, "A", null },
        { "del. keeps other value", new PRegWriter().DWord(Spynet, "A", 1).DWord(Spynet, "B", 2).Delete(Spynet, "A"), Spynet, "B", 2u },
        { "del. upper case", new PRegWriter().DWord(Spynet, "A", 1).Text(Spynet, "**DEL.a", " "), Spynet, "A", null },
        { "del. then set", new PRegWriter().Delete(Spynet, "A").DWord(Spynet, "A", 4), Spynet, "A", 4u },
        { "delvals. removes value", new PRegWriter().DWord(Spynet, "A", 1).DeleteAllValues(Spynet), Spynet, "A", null },
        { "delvals. keeps subkey", new PRegWriter().DWord(Spynet + @"\Sub", "A", 1).DeleteAllValues(Spynet), Spynet + @"\Sub", "A", 1u },
        { "delvals. then set", new PRegWriter().DWord(Spynet, "A", 1).DeleteAllValues(Spynet).DWord(Spynet, "B", 3), Spynet, "B", 3u },
        { "DeleteValues first", new PRegWriter().DWord(Spynet, "A", 1).DWord(Spynet, "B", 2).DWord(Spynet, "C", 3).DeleteValues(Spynet, "A;B"), Spynet, "A", null },
        { "DeleteValues second", new PRegWriter().DWord(Spynet, "A", 1).DWord(Spynet, "B", 2).DWord(Spynet, "C", 3).DeleteValues(Spynet, "A;B"), Spynet, "B", null },
        { "DeleteValues unlisted", new PRegWriter().DWord(Spynet, "A", 1).DWord(Spynet, "B", 2).DWord(Spynet, "C", 3).DeleteValues(Spynet, "A;B"), Spynet, "C", 3u },
        { "DeleteKeys subkey", new PRegWriter().DWord(Spynet + @"\Sub", "A", 1).DeleteKeys(Spynet, "Sub"), Spynet + @"\Sub", "A", null },
        { "DeleteKeys deeper key", new PRegWriter().DWord(Spynet + @"\Sub\Deep", "A", 1).DeleteKeys(Spynet, "Other;Sub"), Spynet + @"\Sub\Deep", "A", null },
        { "DeleteKeys keeps parent", new PRegWriter().DWord(Spynet, "A", 1).DeleteKeys(Spynet, "Sub"), Spynet, "A", 1u },
        { "DeleteKeys keeps sibling", new PRegWriter().DWord(Spynet + @"\Subway", "A", 1).DeleteKeys(Spynet, "Sub"), Spynet + @"\Subway", "A", 1u },
        { "soft. when absent", new PRegWriter().Soft(Spynet, "A", 5), Spynet, "A", 5u },
        { "soft. when present", new PRegWriter().DWord(Spynet, "A", 1).Soft(Spynet, "A", 5), Spynet, "A", 1u },
        { "soft. after soft.", new PRegWriter().Soft(Spynet, "A", 5).Soft(Spynet, "A", 6), Spynet, "A", 5u },
        { "set after soft.", new PRegWriter().Soft(Spynet, "A", 5).DWord(Spynet, "A", 6), Spynet, "A", 6u },
        { "SecureKey ignored", new PRegWriter().SecureKey(Spynet).DWord(Spynet, "A", 1), Spynet, "A", 1u },
        { "unknown code skipped", new PRegWriter().DWord(Spynet, "**future.A", 9), Spynet, "A", null },
    };

    [Theory]
    [MemberData(nameof(DirectiveCases))]
    public void Directive_SetsEffectiveValue(string caseName, PRegWriter writer, string key, string name, uint? expected)
    {
        PolicyFileContents contents = writer.Parse(caseName);

        PolicyValue? value = Find(contents, key, name);

        Assert.Equal(expected, value?.DWordValue);
    }

    public static TheoryData<string, PRegWriter, PolicyDeletionKind, string, string?> DeletionCases => new()
    {
        { "del.", new PRegWriter().Delete(Spynet, "A"), PolicyDeletionKind.Value, Spynet, "A" },
        { "del. default value", new PRegWriter().Delete(Spynet, ""), PolicyDeletionKind.Value, Spynet, "" },
        { "delvals.", new PRegWriter().DeleteAllValues(Spynet), PolicyDeletionKind.AllValues, Spynet, null },
        { "delvals without dot", new PRegWriter().Text(Spynet, "**DelVals", " "), PolicyDeletionKind.AllValues, Spynet, null },
        { "DeleteValues", new PRegWriter().DeleteValues(Spynet, "A"), PolicyDeletionKind.Value, Spynet, "A" },
        { "DeleteKeys", new PRegWriter().DeleteKeys(Spynet, "Sub"), PolicyDeletionKind.KeyTree, Spynet + @"\Sub", null },
        { "DeleteKeys with space", new PRegWriter().Text(Spynet, "**DeleteKeys ", "Sub"), PolicyDeletionKind.KeyTree, Spynet + @"\Sub", null },
    };

    [Theory]
    [MemberData(nameof(DeletionCases))]
    public void Directive_RecordsDeletion(string caseName, PRegWriter writer, PolicyDeletionKind kind, string key, string? name)
    {
        PolicyFileContents contents = writer.Parse(caseName);

        PolicyDeletion deletion = Assert.Single(contents.Deletions);

        Assert.Equal(kind, deletion.Kind);
        Assert.Equal(key, deletion.Key);
        Assert.Equal(name, deletion.ValueName);
    }

    [Fact]
    public void DeleteValues_RecordsEachName()
    {
        PolicyFileContents contents = new PRegWriter().DeleteValues(Spynet, "A; B;;C").Parse();

        Assert.Equal(new[] { "A", "B", "C" }, contents.Deletions.Select(deletion => deletion.ValueName));
    }

    [Fact]
    public void DeleteKeys_AcceptsMultiString()
    {
        PolicyFileContents contents = new PRegWriter().MultiText(Spynet, "**DeleteKeys", "One", "Two").Parse();

        Assert.Equal(new[] { Spynet + @"\One", Spynet + @"\Two" }, contents.Deletions.Select(deletion => deletion.Key));
    }

    [Fact]
    public void Deletions_WithoutDuplicates()
    {
        PolicyFileContents contents = new PRegWriter().Delete(Spynet, "A").Delete(Spynet.ToUpperInvariant(), "a").Parse();

        Assert.Single(contents.Deletions);
    }

    [Fact]
    public void SoftValue_MarkedSoftWhenUnknown()
    {
        PolicyFileContents contents = new PRegWriter().Soft(Spynet, "A", 5).Parse();

        PolicyValue value = Assert.Single(contents.Values);

        Assert.Equal("A", value.Name);
        Assert.True(value.IsSoft);
    }

    [Fact]
    public void SoftValue_NotSoftAfterDeletion()
    {
        PolicyFileContents contents = new PRegWriter().DeleteAllValues(Spynet).Soft(Spynet, "A", 5).Parse();

        PolicyValue value = Assert.Single(contents.Values);

        Assert.False(value.IsSoft);
    }

    [Fact]
    public void Directives_KeptInRecords()
    {
        PolicyFileContents contents = new PRegWriter()
            .SecureKey(Spynet)
            .Delete(Spynet, "A")
            .Soft(Spynet, "B", 1)
            .Parse();

        Assert.Equal(
            new[] { PolicyDirective.SecureKey, PolicyDirective.DeleteValue, PolicyDirective.SoftValue },
            contents.Records.Select(record => record.Directive));
        Assert.Equal("A", contents.Records[1].TargetValueName);
        Assert.Equal("B", contents.Records[2].TargetValueName);
    }

    [Fact]
    public void DefaultValue_HasEmptyName()
    {
        PolicyFileContents contents = new PRegWriter().Text(Spynet, "", "default").Parse();

        PolicyValue value = Assert.Single(contents.Values);

        Assert.Equal("", value.Name);
        Assert.Equal("default", value.StringValue);
    }

    [Fact]
    public void StringTypes_Decoded()
    {
        PolicyFileContents contents = new PRegWriter()
            .Text(Spynet, "Plain", "text")
            .Text(Spynet, "Expand", "%SystemRoot%", RegistryValueType.ExpandString)
            .MultiText(Spynet, "Multi", "one", "two")
            .Parse();

        Assert.Equal("text", Find(contents, Spynet, "Plain")!.StringValue);
        Assert.Equal("%SystemRoot%", Find(contents, Spynet, "Expand")!.StringValue);
        Assert.Equal(new[] { "one", "two" }, Find(contents, Spynet, "Multi")!.MultiStringValue);
    }

    [Theory]
    [InlineData(RegistryValueType.String)]
    [InlineData(RegistryValueType.Binary)]
    [InlineData(RegistryValueType.DWordBigEndian)]
    [InlineData(RegistryValueType.MultiString)]
    [InlineData(RegistryValueType.QWord)]
    [InlineData(RegistryValueType.None)]
    public void NonDWordType_NotDWord(RegistryValueType type)
    {
        PolicyFileContents contents = new PRegWriter().Record(Spynet, "A", type, new byte[] { 1, 0, 0, 0, 0, 0, 0, 0 }).Parse();

        PolicyValue value = Assert.Single(contents.Values);

        Assert.Equal(type, value.Type);
        Assert.False(value.IsDWord);
    }

    [Fact]
    public void QWord_Decoded()
    {
        PolicyFileContents contents = new PRegWriter().QWord(Spynet, "A", 0x1_0000_0002UL).Parse();

        Assert.Equal(0x1_0000_0002UL, Assert.Single(contents.Values).QWordValue);
    }

    [Fact]
    public void BigEndianDWord_Decoded()
    {
        PolicyFileContents contents = new PRegWriter().Record(Spynet, "A", RegistryValueType.DWordBigEndian, new byte[] { 0, 0, 1, 2 }).Parse();

        Assert.Equal(0x0102u, Assert.Single(contents.Values).DWordValue);
    }

    [Fact]
    public void ShortDWord_HasNoNumber()
    {
        PolicyFileContents contents = new PRegWriter().Record(Spynet, "A", RegistryValueType.DWord, new byte[] { 1, 0 }).Parse();

        PolicyValue value = Assert.Single(contents.Values);

        Assert.Null(value.DWordValue);
        Assert.False(value.IsDWord);
    }

    [Fact]
    public void EmptyBody_HasNoRecords()
    {
        PolicyFileContents contents = new PRegWriter().Parse();

        Assert.Empty(contents.Records);
        Assert.Empty(contents.Values);
        Assert.Empty(contents.Deletions);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x52, 0x45, 0x47, 1, 0, 0, 0 })]
    [InlineData(new byte[] { 0x3C, 0x3F, 0x78, 0x6D, 0x6C, 0x20, 0x76, 0x65 })]
    [InlineData(new byte[] { 0x67, 0x65, 0x52, 0x50, 1, 0, 0, 0 })]
    public void BadSignature_Throws(byte[] bytes)
    {
        var error = Assert.Throws<PolicyFileFormatException>(() => PRegReader.Parse(bytes, @"C:\x\registry.pol"));

        Assert.Contains(@"'C:\x\registry.pol'", error.Message);
        Assert.Contains("PReg signature", error.Message);
        Assert.Equal(0, error.Offset);
        Assert.Equal(@"C:\x\registry.pol", error.Path);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(2u)]
    [InlineData(0x01000000u)]
    public void BadVersion_Throws(uint version)
    {
        byte[] bytes = new PRegWriter(version).ToArray();

        var error = Assert.Throws<PolicyFileFormatException>(() => PRegReader.Parse(bytes, "registry.pol"));

        Assert.Contains($"version {version}", error.Message);
        Assert.Equal(4, error.Offset);
    }

    [Fact]
    public void OversizedData_NamesOffset()
    {
        byte[] bytes = new PRegWriter()
            .DWord(Spynet, "A", 1)
            .RawRecord(Spynet, "B", 4, 6, new byte[] { 1, 0 })
            .ToArray();
        int secondRecord = new PRegWriter().DWord(Spynet, "A", 1).Length;

        var error = Assert.Throws<PolicyFileFormatException>(() => PRegReader.Parse(bytes, "registry.pol"));

        Assert.Equal(secondRecord, error.Offset);
        Assert.Contains($"record at byte {secondRecord} is truncated", error.Message);
        Assert.Contains("its data needs 6 bytes but the file ends after 4", error.Message);
    }

    [Fact]
    public void HugeSize_ThrowsFormatError()
    {
        byte[] bytes = new PRegWriter().RawRecord(Spynet, "A", 4, uint.MaxValue, new byte[] { 1, 0, 0, 0 }).ToArray();

        var error = Assert.Throws<PolicyFileFormatException>(() => PRegReader.Parse(bytes, "registry.pol"));

        Assert.Equal(8, error.Offset);
    }

    [Fact]
    public void MissingBracket_NamesOffset()
    {
        byte[] bytes = new PRegWriter().DWord(Spynet, "A", 1).RawBytes(0x41, 0x00).ToArray();
        int offset = bytes.Length - 2;

        var error = Assert.Throws<PolicyFileFormatException>(() => PRegReader.Parse(bytes, "registry.pol"));

        Assert.Equal(offset, error.Offset);
        Assert.Contains("malformed", error.Message);
    }

    [Fact]
    public void Truncation_ParsesOrThrowsFormatError()
    {
        byte[] whole = SampleFile().ToArray();
        var failures = new List<string>();

        for (int length = 0; length < whole.Length; length++)
        {
            byte[] prefix = whole.Take(length).ToArray();
            try
            {
                PRegReader.Parse(prefix, "registry.pol");
            }
            catch (PolicyFileFormatException error) when (error.Offset is not null)
            {
                // A truncated file must fail this way, naming where.
            }
            catch (Exception error)
            {
                failures.Add($"length {length}: {error.GetType().Name}: {error.Message}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Truncation_AtRecordEndParses()
    {
        PRegWriter writer = new PRegWriter().DWord(Spynet, "A", 1);
        int firstRecordEnd = writer.Length;
        byte[] whole = writer.Text(Spynet, "B", "text").ToArray();

        PolicyFileContents contents = PRegReader.Parse(whole.Take(firstRecordEnd).ToArray(), "registry.pol");

        Assert.Single(contents.Records);
    }

    [Fact]
    public void Truncation_InsideRecordThrows()
    {
        byte[] whole = SampleFile().ToArray();

        var error = Assert.Throws<PolicyFileFormatException>(() => PRegReader.Parse(whole.Take(whole.Length - 1).ToArray(), "registry.pol"));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void RandomBytes_ParseOrThrowFormatError()
    {
        byte[] whole = SampleFile().ToArray();
        var random = new Random(20240601);
        var failures = new List<string>();

        for (int attempt = 0; attempt < 2000; attempt++)
        {
            byte[] mutated = (byte[])whole.Clone();
            int index = 8 + random.Next(mutated.Length - 8);
            mutated[index] = (byte)random.Next(256);
            try
            {
                PRegReader.Parse(mutated, "registry.pol");
            }
            catch (PolicyFileFormatException)
            {
                // Expected for most changes.
            }
            catch (Exception error)
            {
                failures.Add($"byte {index}: {error.GetType().Name}: {error.Message}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void MissingFile_ThrowsNotFound()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "registry.pol");

        var error = Assert.Throws<FileNotFoundException>(() => PRegReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Equal(path, error.FileName);
    }

    [Fact]
    public void ReadFile_SetsPath()
    {
        using var folder = new TempFolder();
        string path = folder.WriteFile("registry.pol", new PRegWriter().DWord(Spynet, "A", 1).ToArray());

        PolicyFileContents contents = PRegReader.Read(path);

        Assert.Equal(path, contents.Path);
        Assert.Single(contents.Values);
    }

    private static PRegWriter SampleFile() => new PRegWriter()
        .DWord(Spynet, "SpynetReporting", 2)
        .Text(Spynet, "Name", "text")
        .Delete(Spynet, "Old")
        .MultiText(Spynet, "List", "a", "b")
        .DeleteKeys(Spynet, "Sub");
}
