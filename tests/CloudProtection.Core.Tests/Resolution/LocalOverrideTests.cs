using CloudProtection.Resolution;
using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Resolution;

/// <summary>LocalSettingOverrideSpynetReporting lets the local MAPSReporting beat the Policies value, and nothing else.</summary>
public class LocalOverrideTests
{
    private static FactsBuilder OverrideOn() =>
        FactsBuilder.Live("PC1")
            .Policy("Spynet", "LocalSettingOverrideSpynetReporting", 1).Gpo("Contoso Baseline")
            .Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline")
            .Local("Spynet", "SpyNetReporting", 2)
            .Policy("Spynet", "SubmitSamplesConsent", 2).Gpo("Contoso Baseline")
            .Local("Spynet", "SubmitSamplesConsent", 1);

    [Fact]
    public void OverrideOn_LocalWinsMaps()
    {
        ResolvedSetting maps = OverrideOn().Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.LocalPreference, maps.Source);
        Assert.Equal(MAPSReportingType.Advanced, maps.Value);
        Assert.Equal(CandidateStatus.Shadowed, maps.CandidateFrom(ConfigurationSource.GroupPolicy).Status);
        Assert.True(maps.PolicyConfigured);
        Assert.Contains(maps.Notes, note => note.Contains("LocalSettingOverrideSpynetReporting"));
        Assert.Equal(Certainty.Confirmed, maps.Certainty);
    }

    [Fact]
    public void OverrideOn_PolicyWinsConsent()
    {
        ResolvedSetting consent = OverrideOn().Resolve(SettingCatalog.SubmitSamplesConsent);

        Assert.Equal(ConfigurationSource.GroupPolicy, consent.Source);
        Assert.Equal(SubmitSamplesConsentType.NeverSend, consent.Value);
        Assert.Equal(CandidateStatus.Shadowed, consent.CandidateFrom(ConfigurationSource.LocalPreference).Status);
    }

    [Fact]
    public void OverrideOn_ReportedAsSetting()
    {
        CloudProtectionState state = OverrideOn().ResolveState();
        ResolvedSetting localOverride = state.GetSetting(SettingCatalog.LocalSettingOverrideSpynetReporting)!;

        Assert.Equal(true, state.LocalSettingOverrideSpynetReporting);
        Assert.Equal(ConfigurationSource.GroupPolicy, localOverride.Source);
        Assert.Equal(true, localOverride.Value);
    }

    [Fact]
    public void OverrideOff_PolicyWinsMaps()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "LocalSettingOverrideSpynetReporting", 0).Gpo("Contoso Baseline")
            .Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline")
            .Local("Spynet", "SpyNetReporting", 2);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.GroupPolicy, maps.Source);
        Assert.Equal(MAPSReportingType.Disabled, maps.Value);
    }

    [Fact]
    public void OverrideOn_NoLocalValueKeepsPolicy()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "LocalSettingOverrideSpynetReporting", 1).Gpo("Contoso Baseline")
            .Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline");

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.GroupPolicy, maps.Source);
        Assert.Equal(MAPSReportingType.Disabled, maps.Value);
    }

    [Fact]
    public void OverrideOn_MdmStillBeatsLocal()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "LocalSettingOverrideSpynetReporting", 1).Gpo("Contoso Baseline")
            .Policy("Spynet", "SpynetReporting", 2).Gpo("Contoso Baseline")
            .Mdm("AllowCloudProtection", 0)
            .Local("Spynet", "SpyNetReporting", 2);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.Mdm, maps.Source);
        Assert.Equal(MAPSReportingType.Disabled, maps.Value);
        Assert.Contains(maps.Notes, note => note.Contains("unconfirmed"));
    }
}
