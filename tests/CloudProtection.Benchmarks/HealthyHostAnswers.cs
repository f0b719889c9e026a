using System;
using System.Collections.Generic;
using CloudProtection.Cim;
using CloudProtection.Settings;

namespace CloudProtection.Benchmarks;

/// <summary>
/// The answers of a healthy Defender host managed by Group Policy, with MAPS Advanced, safe sample
/// submission, cloud block level High and a 50-second extended check. Every call builds new records,
/// as an adapter converting CIM instances would, so that the measured memory includes each host's own values.
/// </summary>
internal static class HealthyHostAnswers
{
    private const string GpoId = "cn={6AC1786C-016F-11D2-945F-00C04FB984F9},cn=policies,cn=system,DC=contoso,DC=com";
    private const string GpoGuid = "{6AC1786C-016F-11D2-945F-00C04FB984F9}";

    private static readonly string PolicySpynet = RegistryPaths.Combine(RegistryPaths.PolicyRoot, "Spynet");
    private static readonly string PolicyMpEngine = RegistryPaths.Combine(RegistryPaths.PolicyRoot, "MpEngine");
    private static readonly string LocalSpynet = RegistryPaths.Combine(RegistryPaths.LocalRoot, "Spynet");

    // The DWORDs present on the host, by key and value name. Every other value read returns 2 (not found).
    private static readonly Dictionary<string, uint> PresentDwords = new(StringComparer.OrdinalIgnoreCase)
    {
        [PolicySpynet + "\\SpynetReporting"] = 2,
        [PolicySpynet + "\\SubmitSamplesConsent"] = 1,
        [PolicyMpEngine + "\\MpCloudBlockLevel"] = 2,
        [PolicyMpEngine + "\\MpBafsExtendedTimeout"] = 50,
        [LocalSpynet + "\\SpyNetReporting"] = 2,
        [LocalSpynet + "\\SubmitSamplesConsent"] = 1,
    };

    public static IReadOnlyList<CimRecord> Preference() => new[]
    {
        new CimRecord
        {
            ["MAPSReporting"] = (byte)2,
            ["SubmitSamplesConsent"] = (byte)1,
            ["CloudBlockLevel"] = (byte)2,
            ["CloudExtendedTimeout"] = 50u,
            ["DisableBlockAtFirstSeen"] = false,
            ["DisableRealtimeMonitoring"] = false,
            ["DisableIOAVProtection"] = false,
            ["ComputerID"] = Guid.NewGuid().ToString().ToUpperInvariant(),
        },
    };

    public static IReadOnlyList<CimRecord> ComputerStatus() => new[]
    {
        new CimRecord
        {
            ["IsTamperProtected"] = true,
            ["AMRunningMode"] = "Normal",
            ["AMServiceEnabled"] = true,
            ["RealTimeProtectionEnabled"] = true,
            ["IoavProtectionEnabled"] = true,
            ["AMProductVersion"] = "4.18.24090.11",
            ["AMEngineVersion"] = "1.1.24090.11",
        },
    };

    public static CimRecord GetDwordValue(IReadOnlyDictionary<string, object?> parameters)
    {
        string key = (string)parameters["sSubKeyName"]!;
        string valueName = (string)parameters["sValueName"]!;
        if (PresentDwords.TryGetValue(key + "\\" + valueName, out uint value))
        {
            return new CimRecord { ["ReturnValue"] = CimNames.ErrorSuccess, ["uValue"] = value };
        }

        return new CimRecord { ["ReturnValue"] = CimNames.ErrorFileNotFound };
    }

    public static IReadOnlyList<CimRecord> RegistryPolicySettings()
    {
        var rows = new List<CimRecord>();
        foreach (string path in PresentDwords.Keys)
        {
            if (!path.StartsWith(RegistryPaths.PolicyRoot + "\\", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            int split = path.LastIndexOf('\\');
            rows.Add(new CimRecord
            {
                ["registryKey"] = path.Substring(0, split),
                ["valueName"] = path.Substring(split + 1),
                ["GPOID"] = GpoId,
                ["precedence"] = 1u,
            });
        }

        return rows;
    }

    public static IReadOnlyList<CimRecord> Gpos() => new[]
    {
        new CimRecord
        {
            ["id"] = GpoId,
            ["name"] = "Defender cloud protection",
            ["guidName"] = GpoGuid,
        },
    };
}
