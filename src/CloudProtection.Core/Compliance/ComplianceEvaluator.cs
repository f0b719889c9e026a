using System.Collections.Generic;
using System.Linq;
using CloudProtection.Resolution;
using CloudProtection.Settings;

namespace CloudProtection.Compliance;

/// <summary>
/// Compares a machine's effective cloud protection with expected values. A difference that a policy
/// owns is reported as such, so that a configuration tool stops trying to fix it locally.
/// </summary>
public static class ComplianceEvaluator
{
    /// <summary>Evaluates the expected values; with none, checks that cloud protection and Block at First Sight work.</summary>
    public static ComplianceResult Evaluate(CloudProtectionState state, IReadOnlyList<(SettingDefinition Definition, uint Raw)> expected)
    {
        var result = new ComplianceResult { ComputerName = state.ComputerName };
        if (state.AMRunningMode is not null && state.AMRunningMode.IndexOf("Passive", System.StringComparison.OrdinalIgnoreCase) >= 0)
        {
            result.Status = ComplianceStatus.NotApplicable;
            result.Reasons.Add($"Defender runs in {state.AMRunningMode} mode, in which cloud-delivered protection does not work.");
            return result;
        }

        foreach ((SettingDefinition definition, uint raw) in expected)
        {
            result.Settings.Add(Compare(state.GetSetting(definition.Name)!, definition, raw));
        }

        if (expected.Count == 0)
        {
            EvaluateWorking(state, result);
            return result;
        }

        if (result.Settings.Any(setting => setting.Reason == ComplianceReason.Unknown))
        {
            result.Status = ComplianceStatus.Unknown;
        }
        else
        {
            result.Status = result.Settings.All(setting => setting.Compliant) ? ComplianceStatus.Compliant : ComplianceStatus.NonCompliant;
        }

        foreach (SettingCompliance setting in result.Settings.Where(setting => !setting.Compliant))
        {
            result.Reasons.Add($"{setting.Name} is {setting.Actual ?? "unknown"}, expected {setting.Expected} ({setting.Reason}{(setting.SourceDetail is null ? string.Empty : ": " + setting.SourceDetail)}).");
        }

        return result;
    }

    private static SettingCompliance Compare(ResolvedSetting setting, SettingDefinition definition, uint expected)
    {
        var compliance = new SettingCompliance
        {
            Name = definition.Name,
            Expected = definition.ToValue(expected),
            Actual = setting.Value,
            Source = setting.Source,
            SourceDetail = setting.SourceDetail,
        };

        // Defender's observed value, when it disagrees with the prediction, is what is in effect.
        uint? actual = setting.Mismatch == true && definition.TryToRaw(setting.ObservedValue, out uint observed) ? observed : setting.RawValue;
        if (actual is null)
        {
            compliance.Reason = ComplianceReason.Unknown;
            return compliance;
        }

        compliance.Actual = definition.ToValue(actual.Value);
        compliance.Reason = actual == expected ? ComplianceReason.Compliant : ReasonFor(setting.Source);
        return compliance;
    }

    private static ComplianceReason ReasonFor(ConfigurationSource source) => source switch
    {
        ConfigurationSource.GroupPolicy => ComplianceReason.ManagedByGroupPolicy,
        ConfigurationSource.Mdm => ComplianceReason.ManagedByMdm,
        ConfigurationSource.ConfigurationManager or ConfigurationSource.SecuritySettingsManagement or ConfigurationSource.PolicyWriterUnknown => ComplianceReason.ManagedByOtherPolicy,
        ConfigurationSource.TamperProtection => ComplianceReason.TamperProtection,
        ConfigurationSource.Unknown => ComplianceReason.Unknown,
        _ => ComplianceReason.Different,
    };

    private static void EvaluateWorking(CloudProtectionState state, ComplianceResult result)
    {
        if (state.CloudProtectionEnabled is null || state.BlockAtFirstSightEffective is null)
        {
            result.Status = ComplianceStatus.Unknown;
            result.Reasons.AddRange(state.BlockAtFirstSightIssues);
            return;
        }

        bool working = state.CloudProtectionEnabled == true && state.BlockAtFirstSightEffective == true;
        result.Status = working ? ComplianceStatus.Compliant : ComplianceStatus.NonCompliant;
        if (state.CloudProtectionEnabled == false)
        {
            result.Reasons.Add("Cloud-delivered protection is off.");
        }

        result.Reasons.AddRange(state.BlockAtFirstSightIssues);
    }
}
