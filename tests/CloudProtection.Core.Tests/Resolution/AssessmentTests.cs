using CloudProtection.Resolution;
using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Resolution;

/// <summary>Whether cloud protection and Block at First Sight work, from the resolved settings and the status.</summary>
public class AssessmentTests
{
    [Fact]
    public void Defaults_BafsEffective()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").RunningMode("Normal").ResolveState();

        Assert.Equal(true, state.CloudProtectionEnabled);
        Assert.Equal(true, state.BlockAtFirstSightEffective);
        Assert.Empty(state.BlockAtFirstSightIssues);
    }

    [Theory]
    [InlineData("Passive")]
    [InlineData("SxS Passive Mode")]
    public void Passive_CloudAndBafsOff(string mode)
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").RunningMode(mode).ResolveState();

        Assert.Equal(false, state.CloudProtectionEnabled);
        Assert.Equal(false, state.BlockAtFirstSightEffective);
        Assert.Contains(state.BlockAtFirstSightIssues, issue => issue.Contains(mode));
    }

    [Fact]
    public void EdrBlockMode_NotPassive()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").RunningMode("EDR Block Mode").ResolveState();

        Assert.Equal(true, state.CloudProtectionEnabled);
        Assert.Equal(true, state.BlockAtFirstSightEffective);
    }

    [Fact]
    public void MapsDisabled_CloudAndBafsOff()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline").ResolveState();

        Assert.Equal(false, state.CloudProtectionEnabled);
        Assert.Equal(false, state.BlockAtFirstSightEffective);
        Assert.Contains(state.BlockAtFirstSightIssues, issue => issue.Contains("MAPSReporting"));
    }

    [Theory]
    [InlineData((uint)0, false)]
    [InlineData((uint)1, true)]
    [InlineData((uint)2, false)]
    [InlineData((uint)3, true)]
    public void Consent_DecidesBafs(uint consent, bool expectedEffective)
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Policy("Spynet", "SubmitSamplesConsent", consent).Gpo("Contoso Baseline").ResolveState();

        Assert.Equal(expectedEffective, state.BlockAtFirstSightEffective);
        Assert.Equal(true, state.CloudProtectionEnabled);
    }

    [Theory]
    [InlineData("Spynet", "DisableBlockAtFirstSeen")]
    [InlineData("Real-Time Protection", "DisableRealtimeMonitoring")]
    [InlineData("Real-Time Protection", "DisableIOAVProtection")]
    public void DisableSwitch_TurnsBafsOff(string subKey, string valueName)
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Policy(subKey, valueName, 1).Gpo("Contoso Baseline").ResolveState();

        Assert.Equal(false, state.BlockAtFirstSightEffective);
        Assert.Contains(state.BlockAtFirstSightIssues, issue => issue.Contains(valueName));
    }

    [Fact]
    public void BafsPolicyEnabled_BafsEffective()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Policy("Spynet", "DisableBlockAtFirstSeen", 0).Gpo("Contoso Baseline").ResolveState();

        Assert.Equal(false, state.DisableBlockAtFirstSeen);
        Assert.Equal(true, state.BlockAtFirstSightEffective);
    }

    [Fact]
    public void UnknownPrerequisite_BafsUnknown()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Unreadable(Keys.PolicySpynet, "DisableBlockAtFirstSeen").ResolveState();

        Assert.Null(state.DisableBlockAtFirstSeen);
        Assert.Null(state.BlockAtFirstSightEffective);
        Assert.Contains(state.BlockAtFirstSightIssues, issue => issue.StartsWith("Unknown: "));
        Assert.Equal(true, state.CloudProtectionEnabled);
    }

    // A known failing prerequisite makes the result false even when another one is unknown.
    [Fact]
    public void UnknownAndFailing_BafsOff()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Unreadable(Keys.PolicySpynet, "DisableBlockAtFirstSeen")
            .Policy("Spynet", "SubmitSamplesConsent", 2).Gpo("Contoso Baseline");

        CloudProtectionState state = builder.ResolveState();

        Assert.Equal(false, state.BlockAtFirstSightEffective);
    }

    [Fact]
    public void UnknownMaps_CloudUnknown()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Unreadable(Keys.PolicySpynet, "SpynetReporting").ResolveState();

        Assert.Null(state.MAPSReporting);
        Assert.Null(state.CloudProtectionEnabled);
        Assert.Null(state.BlockAtFirstSightEffective);
    }

    [Fact]
    public void TamperKeepsMaps_CloudOn()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").Local("Spynet", "SpyNetReporting", 0).TamperProtected(true).ResolveState();

        Assert.Equal(MAPSReportingType.Advanced, state.MAPSReporting);
        Assert.Equal(true, state.CloudProtectionEnabled);
        Assert.Equal(true, state.IsTamperProtected);
    }
}
