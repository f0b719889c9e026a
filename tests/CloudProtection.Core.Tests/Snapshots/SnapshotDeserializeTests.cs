using System;
using CloudProtection.Facts;
using CloudProtection.Snapshots;
using Xunit;

namespace CloudProtection.Core.Tests.Snapshots;

public class SnapshotDeserializeTests
{
    private const string SourcePath = @"C:\Snapshots\ws-0142.json";

    private static string Document(string members) =>
        "{\n  \"format\": \"CloudProtection.Snapshot\",\n  \"version\": 1,\n  \"computerName\": \"WS\",\n  \"registry\": []" + members + "\n}";

    [Fact]
    public void Deserialize_ExampleDocument()
    {
        MachineFacts facts = SnapshotSerializer.Deserialize(SnapshotSamples.ExampleDocument, SourcePath);

        Assert.Equal("WS-0142", facts.ComputerName);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero), facts.CapturedAt);
        Assert.Equal(FactStatus.Read, facts.PreferenceStatus);
        Assert.Equal(2u, facts.Preference["MAPSReporting"]);
        Assert.Equal(false, facts.Preference["DisableBlockAtFirstSeen"]);
        Assert.True(facts.ComputerStatus.IsTamperProtected);
        Assert.Equal("Normal", facts.ComputerStatus.AMRunningMode);
        Assert.Equal(3, facts.Registry.Count);
        Assert.Equal(0u, facts.FindRegistryValue(SnapshotSamples.SpynetPolicyKey, "SpynetReporting")?.Value);
        Assert.Equal(RegistryValueState.Absent, facts.Registry[1].State);
        Assert.Equal("StdRegProv returned 5 (access denied)", facts.Registry[2].Error);
        Assert.Equal(FactStatus.Read, facts.PolicyRecordStatus);
        Assert.Equal("Contoso Defender Baseline", facts.FindPolicyRecord(SnapshotSamples.SpynetPolicyKey, "SpynetReporting")?.GpoName);
    }

    [Fact]
    public void Deserialize_SetsOriginAndSourcePath()
    {
        MachineFacts facts = SnapshotSerializer.Deserialize(Document(string.Empty), SourcePath);

        Assert.Equal(FactOrigin.Snapshot, facts.Origin);
        Assert.Equal(SourcePath, facts.SourcePath);
    }

    [Fact]
    public void Deserialize_MissingSectionsNotCollected()
    {
        MachineFacts facts = SnapshotSerializer.Deserialize(Document(string.Empty), SourcePath);

        Assert.Null(facts.CapturedAt);
        Assert.Equal(FactStatus.NotCollected, facts.PreferenceStatus);
        Assert.Equal(FactStatus.NotCollected, facts.ComputerStatusStatus);
        Assert.Equal(FactStatus.NotCollected, facts.PolicyRecordStatus);
    }

    [Fact]
    public void Deserialize_UnknownPropertiesIgnored()
    {
        string json = Document("""
            ,
              "collector": { "name": "future", "list": [1, {"a": null}] },
              "preference": { "status": "Read", "values": {}, "extra": true },
              "computerStatus": { "status": "Read", "AMRunningMode": "Normal", "NewProperty": 12 },
              "policyRecords": { "status": "Read", "records": [ { "key": "K", "name": "N", "scope": "Machine" } ] }
            """);

        MachineFacts facts = SnapshotSerializer.Deserialize(json, SourcePath);

        Assert.Equal(FactStatus.Read, facts.PreferenceStatus);
        Assert.Equal("Normal", facts.ComputerStatus.AMRunningMode);
        Assert.Equal("N", Assert.Single(facts.PolicyRecords).ValueName);
    }

    [Fact]
    public void Deserialize_UnknownRegistryMemberIgnored()
    {
        string json = Document(string.Empty).Replace(
            "\"registry\": []",
            "\"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"Present\", \"value\": 1, \"type\": \"REG_DWORD\" }]");

        MachineFacts facts = SnapshotSerializer.Deserialize(json, SourcePath);

        Assert.Equal(1u, Assert.Single(facts.Registry).Value);
    }

    [Fact]
    public void Deserialize_NullsMeanUnknown()
    {
        string json = Document("""
            ,
              "capturedAt": null,
              "preference": null,
              "computerStatus": { "status": "Read", "IsTamperProtected": null, "AMRunningMode": null }
            """);

        MachineFacts facts = SnapshotSerializer.Deserialize(json, SourcePath);

        Assert.Null(facts.CapturedAt);
        Assert.Equal(FactStatus.NotCollected, facts.PreferenceStatus);
        Assert.Null(facts.ComputerStatus.IsTamperProtected);
        Assert.Null(facts.ComputerStatus.AMRunningMode);
    }

    [Theory]
    [InlineData("2026-11-30T08:15:00Z", 0)]
    [InlineData("2026-11-30T08:15:00.5+02:00", 2)]
    [InlineData("2026-11-30T08:15:00-07:00", -7)]
    public void Deserialize_CapturedAtForms(string text, int offsetHours)
    {
        MachineFacts facts = SnapshotSerializer.Deserialize(Document($",\n  \"capturedAt\": \"{text}\""), SourcePath);

        Assert.Equal(TimeSpan.FromHours(offsetHours), facts.CapturedAt?.Offset);
        Assert.Equal(8, facts.CapturedAt?.Hour);
    }

    [Fact]
    public void Deserialize_ByteOrderMarkAllowed()
    {
        MachineFacts facts = SnapshotSerializer.Deserialize("\uFEFF" + Document(string.Empty), SourcePath);

        Assert.Equal("WS", facts.ComputerName);
    }

    [Fact]
    public void Deserialize_LaterRegistryFactWins()
    {
        string json = Document(string.Empty).Replace(
            "\"registry\": []",
            "\"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"Present\", \"value\": 1 }, { \"key\": \"k\", \"name\": \"n\", \"state\": \"Present\", \"value\": 2 }]");

        MachineFacts facts = SnapshotSerializer.Deserialize(json, SourcePath);

        Assert.Equal(2, facts.Registry.Count);
        Assert.Equal(2u, facts.FindRegistryValue("K", "N")?.Value);
    }
}
