using System;
using CloudProtection.Facts;
using CloudProtection.Snapshots;
using Xunit;

namespace CloudProtection.Core.Tests.Snapshots;

public class SnapshotSerializeTests
{
    [Fact]
    public void Serialize_ExactText()
    {
        MachineFacts facts = new("WS-0142", FactOrigin.Live)
        {
            CapturedAt = new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero),
            PreferenceStatus = FactStatus.Read,
            ComputerStatusStatus = FactStatus.Read,
            ComputerStatus = new ComputerStatusFacts { IsTamperProtected = true, AMRunningMode = "Normal" },
            PolicyRecordStatus = FactStatus.Failed,
            PolicyRecordError = "RSOP namespace not found",
        };
        facts.Preference["MAPSReporting"] = 2u;
        facts.Preference["DisableBlockAtFirstSeen"] = false;
        facts.Registry.Add(RegistryValueFact.Present(SnapshotSamples.SpynetPolicyKey, "SpynetReporting", 0));
        facts.Registry.Add(RegistryValueFact.Absent(SnapshotSamples.SpynetLocalKey, "SpyNetReporting"));

        string text = SnapshotSerializer.Serialize(facts);

        string expected = """
            {
              "format": "CloudProtection.Snapshot",
              "version": 1,
              "computerName": "WS-0142",
              "capturedAt": "2026-11-30T08:15:00+00:00",
              "preference": {
                "status": "Read",
                "values": {
                  "DisableBlockAtFirstSeen": false,
                  "MAPSReporting": 2
                }
              },
              "computerStatus": {
                "status": "Read",
                "IsTamperProtected": true,
                "AMRunningMode": "Normal"
              },
              "registry": [
                {
                  "key": "SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Spynet",
                  "name": "SpynetReporting",
                  "state": "Present",
                  "value": 0
                },
                {
                  "key": "SOFTWARE\\Microsoft\\Windows Defender\\Spynet",
                  "name": "SpyNetReporting",
                  "state": "Absent"
                }
              ],
              "policyRecords": {
                "status": "Failed",
                "error": "RSOP namespace not found",
                "records": []
              }
            }

            """.Replace("\r\n", "\n");
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Serialize_OrderIndependentOfInsertion()
    {
        MachineFacts first = new("WS", FactOrigin.Live);
        first.Preference["B"] = 1u;
        first.Preference["A"] = 2u;
        MachineFacts second = new("WS", FactOrigin.Live);
        second.Preference["A"] = 2u;
        second.Preference["B"] = 1u;

        Assert.Equal(SnapshotSerializer.Serialize(first), SnapshotSerializer.Serialize(second));
    }

    [Fact]
    public void Serialize_FractionalSecondsKept()
    {
        MachineFacts facts = new("WS", FactOrigin.Live)
        {
            CapturedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(5.5)),
        };

        string text = SnapshotSerializer.Serialize(facts);

        Assert.Contains("\"capturedAt\": \"2026-01-02T03:04:05.678+05:30\"", text);
    }

    [Fact]
    public void Serialize_UnsupportedTypeThrows()
    {
        MachineFacts facts = new("WS", FactOrigin.Live);
        facts.Preference["When"] = new DateTime(2026, 1, 1);

        ArgumentException error = Assert.Throws<ArgumentException>(() => SnapshotSerializer.Serialize(facts));

        Assert.Contains("'When'", error.Message);
        Assert.Contains("System.DateTime", error.Message);
    }

    [Fact]
    public void Serialize_NaNThrows()
    {
        MachineFacts facts = new("WS", FactOrigin.Live);
        facts.Preference["Ratio"] = double.NaN;

        ArgumentException error = Assert.Throws<ArgumentException>(() => SnapshotSerializer.Serialize(facts));

        Assert.Contains("'Ratio' is the number NaN", error.Message);
    }

    [Fact]
    public void Serialize_NestedArrayThrows()
    {
        MachineFacts facts = new("WS", FactOrigin.Live);
        facts.Preference["Nested"] = new object[] { new[] { 1 } };

        ArgumentException error = Assert.Throws<ArgumentException>(() => SnapshotSerializer.Serialize(facts));

        Assert.Contains("'Nested' contains a value of type System.Int32[]", error.Message);
    }

    [Fact]
    public void Serialize_PresentWithoutValueThrows()
    {
        MachineFacts facts = new("WS", FactOrigin.Live);
        facts.Registry.Add(new RegistryValueFact(SnapshotSamples.SpynetPolicyKey, "SpynetReporting", RegistryValueState.Present));

        ArgumentException error = Assert.Throws<ArgumentException>(() => SnapshotSerializer.Serialize(facts));

        Assert.Contains(@"HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Spynet\SpynetReporting", error.Message);
    }

    [Fact]
    public void Serialize_UnixLineEndings()
    {
        string text = SnapshotSerializer.Serialize(SnapshotSamples.FullFacts());

        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("}\n", text);
    }
}
