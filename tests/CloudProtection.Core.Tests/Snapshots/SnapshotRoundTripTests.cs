using System;
using CloudProtection.Facts;
using CloudProtection.Snapshots;
using Xunit;

namespace CloudProtection.Core.Tests.Snapshots;

public class SnapshotRoundTripTests
{
    private const string SourcePath = "/snapshots/ws-0142.json";

    private static MachineFacts RoundTrip(MachineFacts facts) =>
        SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(facts), SourcePath);

    [Fact]
    public void RoundTrip_TopLevelFields()
    {
        MachineFacts original = SnapshotSamples.FullFacts();

        MachineFacts copy = RoundTrip(original);

        Assert.Equal(original.ComputerName, copy.ComputerName);
        Assert.Equal(original.CapturedAt, copy.CapturedAt);
        Assert.Equal(original.CapturedAt!.Value.Offset, copy.CapturedAt!.Value.Offset);
        Assert.Equal(original.CapturedAt!.Value.Ticks, copy.CapturedAt!.Value.Ticks);
        Assert.Equal(FactOrigin.Snapshot, copy.Origin);
        Assert.Equal(SourcePath, copy.SourcePath);
    }

    [Fact]
    public void RoundTrip_Preference()
    {
        MachineFacts original = SnapshotSamples.FullFacts();

        MachineFacts copy = RoundTrip(original);

        Assert.Equal(original.PreferenceStatus, copy.PreferenceStatus);
        Assert.Equal(original.PreferenceError, copy.PreferenceError);
        Assert.Equal(original.Preference.Count, copy.Preference.Count);
        Assert.Equal(2u, Assert.IsType<uint>(copy.Preference["MAPSReporting"]));
        Assert.False(Assert.IsType<bool>(copy.Preference["DisableBlockAtFirstSeen"]));
        Assert.Equal(0u, Assert.IsType<uint>(copy.Preference["CloudExtendedTimeout"]));
        Assert.Equal("MicrosoftUpdateServer|MMPC", Assert.IsType<string>(copy.Preference["SignatureFallbackOrder"]));
        Assert.Equal(-3, Assert.IsType<int>(copy.Preference["Offset"]));
        Assert.Equal(5_000_000_000L, Assert.IsType<long>(copy.Preference["Large"]));
        Assert.Equal(0.25, Assert.IsType<double>(copy.Preference["Ratio"]));
        Assert.True(copy.Preference.ContainsKey("Missing"));
        Assert.Null(copy.Preference["Missing"]);
        Assert.Equal(new object?[] { @"C:\Temp", "D:\\\"quoted\"", null }, Assert.IsType<object?[]>(copy.Preference["ExclusionPath"]));
    }

    [Fact]
    public void RoundTrip_PreferenceIgnoresCase()
    {
        MachineFacts copy = RoundTrip(SnapshotSamples.FullFacts());

        Assert.True(copy.Preference.ContainsKey("mapsreporting"));
    }

    [Fact]
    public void RoundTrip_ComputerStatus()
    {
        MachineFacts original = SnapshotSamples.FullFacts();

        MachineFacts copy = RoundTrip(original);

        Assert.Equal(original.ComputerStatusStatus, copy.ComputerStatusStatus);
        Assert.Equal(original.ComputerStatusError, copy.ComputerStatusError);
        Assert.Equal(original.ComputerStatus.IsTamperProtected, copy.ComputerStatus.IsTamperProtected);
        Assert.Equal(original.ComputerStatus.AMRunningMode, copy.ComputerStatus.AMRunningMode);
        Assert.Equal(original.ComputerStatus.AMServiceEnabled, copy.ComputerStatus.AMServiceEnabled);
        Assert.Equal(original.ComputerStatus.RealTimeProtectionEnabled, copy.ComputerStatus.RealTimeProtectionEnabled);
        Assert.Equal(original.ComputerStatus.IoavProtectionEnabled, copy.ComputerStatus.IoavProtectionEnabled);
        Assert.Equal(original.ComputerStatus.AMProductVersion, copy.ComputerStatus.AMProductVersion);
        Assert.Equal(original.ComputerStatus.AMEngineVersion, copy.ComputerStatus.AMEngineVersion);
    }

    [Fact]
    public void RoundTrip_RegistryInOrder()
    {
        MachineFacts original = SnapshotSamples.FullFacts();

        MachineFacts copy = RoundTrip(original);

        Assert.Equal(original.Registry.Count, copy.Registry.Count);
        for (int index = 0; index < original.Registry.Count; index++)
        {
            RegistryValueFact expected = original.Registry[index];
            RegistryValueFact actual = copy.Registry[index];
            Assert.Equal(expected.Key, actual.Key);
            Assert.Equal(expected.ValueName, actual.ValueName);
            Assert.Equal(expected.State, actual.State);
            Assert.Equal(expected.Value, actual.Value);
            Assert.Equal(expected.Error, actual.Error);
        }
    }

    [Fact]
    public void RoundTrip_PolicyRecords()
    {
        MachineFacts original = SnapshotSamples.FullFacts();

        MachineFacts copy = RoundTrip(original);

        Assert.Equal(original.PolicyRecordStatus, copy.PolicyRecordStatus);
        Assert.Equal(original.PolicyRecordError, copy.PolicyRecordError);
        Assert.Equal(original.PolicyRecords.Count, copy.PolicyRecords.Count);
        for (int index = 0; index < original.PolicyRecords.Count; index++)
        {
            PolicyRecord expected = original.PolicyRecords[index];
            PolicyRecord actual = copy.PolicyRecords[index];
            Assert.Equal(expected.Key, actual.Key);
            Assert.Equal(expected.ValueName, actual.ValueName);
            Assert.Equal(expected.GpoName, actual.GpoName);
            Assert.Equal(expected.GpoId, actual.GpoId);
            Assert.Equal(expected.SourcePath, actual.SourcePath);
        }
    }

    [Fact]
    public void RoundTrip_EmptyFacts()
    {
        MachineFacts copy = RoundTrip(new MachineFacts("EMPTY", FactOrigin.GroupPolicyFile));

        Assert.Equal("EMPTY", copy.ComputerName);
        Assert.Null(copy.CapturedAt);
        Assert.Equal(FactStatus.NotCollected, copy.PreferenceStatus);
        Assert.Null(copy.PreferenceError);
        Assert.Empty(copy.Preference);
        Assert.Equal(FactStatus.NotCollected, copy.ComputerStatusStatus);
        Assert.Null(copy.ComputerStatus.IsTamperProtected);
        Assert.Null(copy.ComputerStatus.AMRunningMode);
        Assert.Empty(copy.Registry);
        Assert.Equal(FactStatus.NotCollected, copy.PolicyRecordStatus);
        Assert.Empty(copy.PolicyRecords);
    }

    [Fact]
    public void RoundTrip_ByteBecomesUInt32()
    {
        MachineFacts facts = new("WS", FactOrigin.Live);
        facts.Preference["CloudBlockLevel"] = (byte)4;

        MachineFacts copy = RoundTrip(facts);

        Assert.Equal(4u, Assert.IsType<uint>(copy.Preference["CloudBlockLevel"]));
    }

    [Fact]
    public void RoundTrip_EnumBecomesNumber()
    {
        MachineFacts facts = new("WS", FactOrigin.Live);
        facts.Preference["Status"] = FactStatus.Failed;

        MachineFacts copy = RoundTrip(facts);

        Assert.Equal((uint)FactStatus.Failed, Assert.IsType<uint>(copy.Preference["Status"]));
    }

    [Fact]
    public void RoundTrip_ControlCharactersInStrings()
    {
        MachineFacts facts = new("WS\t\"1\"", FactOrigin.Live);
        facts.Registry.Add(RegistryValueFact.Unreadable(SnapshotSamples.MdmKey, "Value", "line one\r\nline two\u0001 café"));

        MachineFacts copy = RoundTrip(facts);

        Assert.Equal("WS\t\"1\"", copy.ComputerName);
        Assert.Equal("line one\r\nline two\u0001 café", copy.Registry[0].Error);
    }
}
