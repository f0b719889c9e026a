using System;
using CloudProtection.Facts;

namespace CloudProtection.Core.Tests.Snapshots;

/// <summary>Facts and documents shared by the snapshot tests.</summary>
internal static class SnapshotSamples
{
    public const string SpynetPolicyKey = @"SOFTWARE\Policies\Microsoft\Windows Defender\Spynet";
    public const string SpynetLocalKey = @"SOFTWARE\Microsoft\Windows Defender\Spynet";
    public const string MdmKey = @"SOFTWARE\Policies\Microsoft\Windows Defender\Policy Manager";

    /// <summary>Facts with every field set to a value that differs from its default.</summary>
    public static MachineFacts FullFacts()
    {
        MachineFacts facts = new("WS-0142", FactOrigin.Live)
        {
            CapturedAt = new DateTimeOffset(2026, 11, 30, 8, 15, 0, 123, TimeSpan.FromHours(-5)).AddTicks(4567),
            PreferenceStatus = FactStatus.Read,
            PreferenceError = "partial read",
            ComputerStatusStatus = FactStatus.Failed,
            ComputerStatusError = "MSFT_MpComputerStatus returned 0x80070005",
            ComputerStatus = new ComputerStatusFacts
            {
                IsTamperProtected = true,
                AMRunningMode = "Passive",
                AMServiceEnabled = false,
                RealTimeProtectionEnabled = true,
                IoavProtectionEnabled = false,
                AMProductVersion = "4.18.24090.11",
                AMEngineVersion = "1.1.24090.11",
            },
            PolicyRecordStatus = FactStatus.Failed,
            PolicyRecordError = "RSOP namespace not found",
        };

        facts.Preference["MAPSReporting"] = 2u;
        facts.Preference["DisableBlockAtFirstSeen"] = false;
        facts.Preference["CloudExtendedTimeout"] = 0u;
        facts.Preference["SignatureFallbackOrder"] = "MicrosoftUpdateServer|MMPC";
        facts.Preference["Offset"] = -3;
        facts.Preference["Large"] = 5_000_000_000L;
        facts.Preference["Ratio"] = 0.25;
        facts.Preference["Missing"] = null;
        facts.Preference["ExclusionPath"] = new object?[] { @"C:\Temp", "D:\\\"quoted\"", null };

        facts.Registry.Add(RegistryValueFact.Present(SpynetPolicyKey, "SpynetReporting", 0));
        facts.Registry.Add(RegistryValueFact.Present(SpynetPolicyKey, "SubmitSamplesConsent", uint.MaxValue));
        facts.Registry.Add(RegistryValueFact.Absent(SpynetLocalKey, "SpyNetReporting"));
        facts.Registry.Add(RegistryValueFact.Unreadable(MdmKey, "AllowCloudProtection", "StdRegProv returned 5 (access denied)"));
        facts.Registry.Add(new RegistryValueFact(MdmKey, "CloudBlockLevel", RegistryValueState.WrongType, error: "REG_SZ"));

        facts.PolicyRecords.Add(new PolicyRecord(SpynetPolicyKey, "SpynetReporting", "Contoso Defender Baseline", "{31B2F340-016D-11D2-945F-00C04FB984F9}", null));
        facts.PolicyRecords.Add(new PolicyRecord(SpynetPolicyKey, "SubmitSamplesConsent", null, null, @"\\contoso.com\SysVol\Policies\{X}\Machine\registry.pol"));
        return facts;
    }

    /// <summary>A snapshot written by hand in compact layout, with Present, Absent and Unreadable registry entries.</summary>
    public const string ExampleDocument = """
        {
          "format": "CloudProtection.Snapshot",
          "version": 1,
          "computerName": "WS-0142",
          "capturedAt": "2026-11-30T08:15:00+00:00",
          "preference": { "status": "Read", "values": { "MAPSReporting": 2, "DisableBlockAtFirstSeen": false, "CloudExtendedTimeout": 0 } },
          "computerStatus": { "status": "Read", "IsTamperProtected": true, "AMRunningMode": "Normal", "AMServiceEnabled": true, "RealTimeProtectionEnabled": true, "IoavProtectionEnabled": true, "AMProductVersion": "4.18.24090.11", "AMEngineVersion": "1.1.24090.11" },
          "registry": [
            { "key": "SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Spynet", "name": "SpynetReporting", "state": "Present", "value": 0 },
            { "key": "SOFTWARE\\Microsoft\\Windows Defender\\Spynet", "name": "SpyNetReporting", "state": "Absent" },
            { "key": "SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Policy Manager", "name": "AllowCloudProtection", "state": "Unreadable", "error": "StdRegProv returned 5 (access denied)" }
          ],
          "policyRecords": { "status": "Read", "records": [ { "key": "SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Spynet", "name": "SpynetReporting", "gpoName": "Contoso Defender Baseline", "gpoId": "{31B2F340-016D-11D2-945F-00C04FB984F9}" } ] }
        }
        """;
}
