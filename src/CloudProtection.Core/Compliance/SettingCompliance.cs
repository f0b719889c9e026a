using CloudProtection.Resolution;

namespace CloudProtection.Compliance;

/// <summary>One expected setting compared with the machine's effective value.</summary>
public sealed class SettingCompliance
{
    public string Name { get; set; } = string.Empty;

    public object? Expected { get; set; }

    /// <summary>The effective value; null when unknown.</summary>
    public object? Actual { get; set; }

    public ConfigurationSource Source { get; set; }

    public string? SourceDetail { get; set; }

    public bool Compliant => Reason == ComplianceReason.Compliant;

    public ComplianceReason Reason { get; set; }

    public override string ToString() => $"{Name}: {Reason}";
}
