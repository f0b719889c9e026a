using System;
using System.Collections.Generic;
using CloudProtection.Facts;
using CloudProtection.Settings;

namespace CloudProtection.Resolution;

/// <summary>The cloud protection picture of one machine: effective values, the channel behind each, and whether protection works.</summary>
public sealed class CloudProtectionState
{
    public string ComputerName { get; set; } = string.Empty;

    public FactOrigin Origin { get; set; }

    public DateTimeOffset? CapturedAt { get; set; }

    /// <summary>The snapshot or Group Policy path the facts came from; null when read live.</summary>
    public string? SourcePath { get; set; }

    public MAPSReportingType? MAPSReporting { get; set; }

    public SubmitSamplesConsentType? SubmitSamplesConsent { get; set; }

    public CloudBlockLevelType? CloudBlockLevel { get; set; }

    public uint? CloudExtendedTimeout { get; set; }

    public bool? DisableBlockAtFirstSeen { get; set; }

    public bool? DisableRealtimeMonitoring { get; set; }

    public bool? DisableIOAVProtection { get; set; }

    public bool? LocalSettingOverrideSpynetReporting { get; set; }

    /// <summary>Whether cloud-delivered protection works: MAPS joined and Defender in active mode; null when unknown.</summary>
    public bool? CloudProtectionEnabled { get; set; }

    /// <summary>Whether Block at First Sight is in effect; null when a prerequisite is unknown.</summary>
    public bool? BlockAtFirstSightEffective { get; set; }

    /// <summary>Why Block at First Sight is not (or may not be) in effect, one sentence per reason.</summary>
    public List<string> BlockAtFirstSightIssues { get; } = new();

    public bool? IsTamperProtected { get; set; }

    public string? AMRunningMode { get; set; }

    public bool? AMServiceEnabled { get; set; }

    public bool? RealTimeProtectionEnabled { get; set; }

    public string? AMProductVersion { get; set; }

    /// <summary>The management hint from ManagedDefenderProductType and SenseCM, such as "Intune (ManagedDefenderProductType 6)".</summary>
    public string? ManagedBy { get; set; }

    /// <summary>One entry per setting, in catalog order.</summary>
    public List<ResolvedSetting> Settings { get; } = new();

    /// <summary>Whether any setting's predicted value differs from what Defender reports.</summary>
    public bool HasMismatch { get; set; }

    /// <summary>Problems in the facts themselves, such as a failed RSOP or status read.</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>Returns the named setting; the lookup ignores case.</summary>
    public ResolvedSetting? GetSetting(string name) =>
        Settings.Find(setting => string.Equals(setting.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{ComputerName}: cloud protection {(CloudProtectionEnabled == true ? "on" : CloudProtectionEnabled == false ? "off" : "unknown")}";
}
