using System.Collections.Generic;
using System.Linq;
using CloudProtection.Compliance;
using CloudProtection.Resolution;
using CloudProtection.Settings;
using CloudProtection.Tests.Resolution;
using Xunit;

namespace CloudProtection.Tests.Compliance;

public sealed class ComplianceEvaluatorTests
{
    private static IReadOnlyList<(SettingDefinition, uint)> Expect(string name, uint raw) =>
        new[] { (SettingCatalog.Get(name), raw) };

    [Fact]
    public void MatchingLocalValue_Compliant()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Local("Spynet", "SpyNetReporting", 2).ResolveState();

        ComplianceResult result = ComplianceEvaluator.Evaluate(state, Expect(SettingCatalog.MAPSReporting, 2));

        Assert.Equal(ComplianceStatus.Compliant, result.Status);
        Assert.True(result.Compliant);
    }

    [Fact]
    public void GpoOwnsDifferentValue_ManagedByGroupPolicy()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 0).Gpo("Privacy Baseline")
            .ResolveState();

        ComplianceResult result = ComplianceEvaluator.Evaluate(state, Expect(SettingCatalog.MAPSReporting, 2));

        Assert.Equal(ComplianceStatus.NonCompliant, result.Status);
        Assert.Equal(ComplianceReason.ManagedByGroupPolicy, result.Settings.Single().Reason);
        Assert.Contains("Privacy Baseline", result.Reasons.Single());
    }

    [Fact]
    public void MdmOwnsDifferentValue_ManagedByMdm()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Mdm("AllowCloudProtection", 0).ResolveState();

        ComplianceResult result = ComplianceEvaluator.Evaluate(state, Expect(SettingCatalog.MAPSReporting, 2));

        Assert.Equal(ComplianceReason.ManagedByMdm, result.Settings.Single().Reason);
    }

    [Fact]
    public void LocalDifference_Different()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Local("Spynet", "SubmitSamplesConsent", 0).ResolveState();

        ComplianceResult result = ComplianceEvaluator.Evaluate(state, Expect(SettingCatalog.SubmitSamplesConsent, 3));

        Assert.Equal(ComplianceReason.Different, result.Settings.Single().Reason);
    }

    [Fact]
    public void ObservedValueDecides_WhenItDisagrees()
    {
        // The registry predicts the expected value, but Defender reports another one: that is what is in effect.
        CloudProtectionState state = FactsBuilder.Live("PC1")
            .Local("Spynet", "SpyNetReporting", 2)
            .Observed("MAPSReporting", (byte)0)
            .ResolveState();

        ComplianceResult result = ComplianceEvaluator.Evaluate(state, Expect(SettingCatalog.MAPSReporting, 2));

        Assert.Equal(ComplianceStatus.NonCompliant, result.Status);
        Assert.Equal(MAPSReportingType.Disabled, result.Settings.Single().Actual);
    }

    [Fact]
    public void UnreadablePolicy_Unknown()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Unreadable(Keys.PolicySpynet, "SpynetReporting").ResolveState();

        ComplianceResult result = ComplianceEvaluator.Evaluate(state, Expect(SettingCatalog.MAPSReporting, 2));

        Assert.Equal(ComplianceStatus.Unknown, result.Status);
    }

    [Fact]
    public void PassiveMode_NotApplicable()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").RunningMode("Passive").ResolveState();

        ComplianceResult result = ComplianceEvaluator.Evaluate(state, Expect(SettingCatalog.MAPSReporting, 2));

        Assert.Equal(ComplianceStatus.NotApplicable, result.Status);
    }

    [Fact]
    public void NoExpectation_ChecksBlockAtFirstSight()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1")
            .Local("Spynet", "SpyNetReporting", 2)
            .Local("Spynet", "SubmitSamplesConsent", 2)
            .RunningMode("Normal")
            .ResolveState();

        ComplianceResult result = ComplianceEvaluator.Evaluate(state, new List<(SettingDefinition, uint)>());

        Assert.Equal(ComplianceStatus.NonCompliant, result.Status);
        Assert.Contains(result.Reasons, reason => reason.Contains("SubmitSamplesConsent"));
    }
}
