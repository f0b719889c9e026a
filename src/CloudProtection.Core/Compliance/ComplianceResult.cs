using System.Collections.Generic;

namespace CloudProtection.Compliance;

/// <summary>The outcome of Test-CloudProtection for one machine.</summary>
public sealed class ComplianceResult
{
    public string ComputerName { get; set; } = string.Empty;

    public ComplianceStatus Status { get; set; }

    /// <summary>True only when Status is Compliant.</summary>
    public bool Compliant => Status == ComplianceStatus.Compliant;

    public List<SettingCompliance> Settings { get; } = new();

    /// <summary>Sentences that explain a status other than Compliant.</summary>
    public List<string> Reasons { get; } = new();

    public override string ToString() => $"{ComputerName}: {Status}";
}
