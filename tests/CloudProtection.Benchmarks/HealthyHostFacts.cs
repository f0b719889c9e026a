using System;
using CloudProtection.Facts;
using CloudProtection.Settings;

namespace CloudProtection.Benchmarks;

/// <summary>
/// The state of a healthy Defender host managed by Group Policy: MAPS Advanced, safe sample submission,
/// cloud block level High and a 50-second extended check. The simulated host builds its CIM results from it.
/// </summary>
internal static class HealthyHostFacts
{
    private const string GpoName = "Defender cloud protection";
    private const string GpoGuid = "{6AC1786C-016F-11D2-945F-00C04FB984F9}";

    private static readonly string PolicySpynet = RegistryPaths.Combine(RegistryPaths.PolicyRoot, "Spynet");
    private static readonly string PolicyMpEngine = RegistryPaths.Combine(RegistryPaths.PolicyRoot, "MpEngine");
    private static readonly string LocalSpynet = RegistryPaths.Combine(RegistryPaths.LocalRoot, "Spynet");

    /// <summary>Builds a new copy per host, so that the measured memory includes each host's own values.</summary>
    public static MachineFacts Create(string computerName)
    {
        var facts = new MachineFacts(computerName, FactOrigin.Live)
        {
            PreferenceStatus = FactStatus.Read,
            ComputerStatusStatus = FactStatus.Read,
            PolicyRecordStatus = FactStatus.Read,
            ComputerStatus = new ComputerStatusFacts
            {
                IsTamperProtected = true,
                AMRunningMode = "Normal",
                AMServiceEnabled = true,
                RealTimeProtectionEnabled = true,
                IoavProtectionEnabled = true,
                AMProductVersion = "4.18.24090.11",
                AMEngineVersion = "1.1.24090.11",
            },
        };

        facts.Preference["MAPSReporting"] = (byte)2;
        facts.Preference["SubmitSamplesConsent"] = (byte)1;
        facts.Preference["CloudBlockLevel"] = (byte)2;
        facts.Preference["CloudExtendedTimeout"] = 50u;
        facts.Preference["DisableBlockAtFirstSeen"] = false;
        facts.Preference["DisableRealtimeMonitoring"] = false;
        facts.Preference["DisableIOAVProtection"] = false;
        facts.Preference["ComputerID"] = Guid.NewGuid().ToString().ToUpperInvariant();

        AddPolicy(facts, PolicySpynet, "SpynetReporting", 2);
        AddPolicy(facts, PolicySpynet, "SubmitSamplesConsent", 1);
        AddPolicy(facts, PolicyMpEngine, "MpCloudBlockLevel", 2);
        AddPolicy(facts, PolicyMpEngine, "MpBafsExtendedTimeout", 50);
        facts.Registry.Add(RegistryValueFact.Present(LocalSpynet, "SpyNetReporting", 2));
        facts.Registry.Add(RegistryValueFact.Present(LocalSpynet, "SubmitSamplesConsent", 1));

        // Every other value the collector reads does not exist, which StdRegProv reports as 2 (not found).
        return facts;
    }

    private static void AddPolicy(MachineFacts facts, string key, string valueName, uint value)
    {
        facts.Registry.Add(RegistryValueFact.Present(key, valueName, value));
        facts.PolicyRecords.Add(new PolicyRecord(key, valueName, GpoName, GpoGuid, sourcePath: null));
    }
}
