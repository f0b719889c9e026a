using System.Collections.Generic;
using CloudProtection.Settings;

namespace CloudProtection.Resolution;

/// <summary>The effective value of one setting on one machine, the channel it came from, and every value that lost.</summary>
public sealed class ResolvedSetting
{
    public string ComputerName { get; set; } = string.Empty;

    /// <summary>The MSFT_MpPreference property name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The effective value: an enum for enumerations, a bool for Disable* settings, seconds for CloudExtendedTimeout; null when unknown.</summary>
    public object? Value { get; set; }

    /// <summary>The effective value as MSFT_MpPreference numbers it.</summary>
    public uint? RawValue { get; set; }

    public ConfigurationSource Source { get; set; }

    /// <summary>GPO name, MDM node or registry path of the winning value.</summary>
    public string? SourceDetail { get; set; }

    public Certainty Certainty { get; set; }

    /// <summary>Whether the effective value is one the setting defines; false flags a raw number outside the set.</summary>
    public bool IsDefinedValue { get; set; } = true;

    /// <summary>What MSFT_MpPreference reported, when Defender was asked.</summary>
    public object? ObservedValue { get; set; }

    /// <summary>True when Defender reports another value than the configuration predicts; null when Defender was not asked.</summary>
    public bool? Mismatch { get; set; }

    /// <summary>Whether a policy channel (the Policies key or MDM) configures the setting, even to 0.</summary>
    public bool PolicyConfigured { get; set; }

    /// <summary>Every channel's value in precedence order, the winner included.</summary>
    public List<SettingCandidate> Candidates { get; } = new();

    /// <summary>Reasons behind the certainty, flags and caveats, as sentences.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>The candidates that are configured but lost.</summary>
    public IEnumerable<SettingCandidate> ShadowedCandidates =>
        Candidates.FindAll(candidate => candidate.Status is CandidateStatus.Shadowed or CandidateStatus.Ignored);

    public override string ToString() => $"{Name}={Value ?? "(unknown)"} from {Source}";
}
