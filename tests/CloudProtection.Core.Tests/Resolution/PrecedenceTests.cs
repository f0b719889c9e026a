using System.Linq;
using CloudProtection.Resolution;
using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Resolution;

/// <summary>Which channel wins: Policies key over MDM over the local preference over the default.</summary>
public class PrecedenceTests
{
    [Fact]
    public void Gpo_BeatsLocal()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline")
            .Local("Spynet", "SpyNetReporting", 2);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.GroupPolicy, maps.Source);
        Assert.Equal(MAPSReportingType.Disabled, maps.Value);
        Assert.Equal(0u, maps.RawValue);
        Assert.Contains("Contoso Baseline", maps.SourceDetail);
        Assert.Equal(Certainty.Confirmed, maps.Certainty);
        Assert.True(maps.PolicyConfigured);
    }

    [Fact]
    public void Gpo_ListsLocalAsShadowed()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline")
            .Local("Spynet", "SpyNetReporting", 2);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);
        SettingCandidate local = maps.CandidateFrom(ConfigurationSource.LocalPreference);

        Assert.Equal(CandidateStatus.Shadowed, local.Status);
        Assert.Equal(MAPSReportingType.Advanced, local.Value);
        Assert.Equal(CandidateStatus.Winner, maps.CandidateFrom(ConfigurationSource.GroupPolicy).Status);
        Assert.Equal(CandidateStatus.NotConfigured, maps.CandidateFrom(ConfigurationSource.Default).Status);
        Assert.Contains(local, maps.ShadowedCandidates);
    }

    [Fact]
    public void Candidates_FollowPrecedenceOrder()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 2).Gpo("Contoso Baseline")
            .Mdm("AllowCloudProtection", 1)
            .Local("Spynet", "SpyNetReporting", 2);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);
        ConfigurationSource[] order = maps.Candidates.Select(candidate => candidate.Source).ToArray();

        Assert.Equal(
            new[] { ConfigurationSource.GroupPolicy, ConfigurationSource.Mdm, ConfigurationSource.LocalPreference, ConfigurationSource.Default },
            order);
        Assert.Equal(CandidateStatus.Shadowed, maps.Candidates[1].Status);
        Assert.Equal(CandidateStatus.Shadowed, maps.Candidates[2].Status);
    }

    [Fact]
    public void Mdm_BeatsLocal()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Mdm("AllowRealtimeMonitoring", 1)
            .Local("Real-Time Protection", "DisableRealtimeMonitoring", 1);

        ResolvedSetting realtime = builder.Resolve(SettingCatalog.DisableRealtimeMonitoring);

        Assert.Equal(ConfigurationSource.Mdm, realtime.Source);
        Assert.Equal(false, realtime.Value);
        Assert.Equal(@"Defender/AllowRealtimeMonitoring (HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Policy Manager\AllowRealtimeMonitoring)", realtime.SourceDetail);
        Assert.Equal(CandidateStatus.Shadowed, realtime.CandidateFrom(ConfigurationSource.LocalPreference).Status);
        Assert.True(realtime.PolicyConfigured);
    }

    [Fact]
    public void Local_WinsWhenAloneAndIsNoPolicy()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1").Local("Spynet", "SubmitSamplesConsent", 2);

        ResolvedSetting consent = builder.Resolve(SettingCatalog.SubmitSamplesConsent);

        Assert.Equal(ConfigurationSource.LocalPreference, consent.Source);
        Assert.Equal(SubmitSamplesConsentType.NeverSend, consent.Value);
        Assert.False(consent.PolicyConfigured);
        Assert.Equal(Certainty.Confirmed, consent.Certainty);
    }

    [Theory]
    [InlineData(SettingCatalog.CloudBlockLevel, (uint)0)]
    [InlineData(SettingCatalog.CloudExtendedTimeout, (uint)0)]
    [InlineData(SettingCatalog.DisableBlockAtFirstSeen, (uint)0)]
    [InlineData(SettingCatalog.DisableRealtimeMonitoring, (uint)0)]
    [InlineData(SettingCatalog.DisableIOAVProtection, (uint)0)]
    public void Default_ConfirmedWhenDocumented(string name, uint expectedRaw)
    {
        ResolvedSetting setting = FactsBuilder.Live("PC1").Resolve(name);

        Assert.Equal(ConfigurationSource.Default, setting.Source);
        Assert.Equal(expectedRaw, setting.RawValue);
        Assert.Equal(Certainty.Confirmed, setting.Certainty);
        Assert.False(setting.PolicyConfigured);
        Assert.Equal(CandidateStatus.Winner, setting.CandidateFrom(ConfigurationSource.Default).Status);
    }

    [Theory]
    [InlineData(SettingCatalog.MAPSReporting, (uint)MAPSReportingType.Advanced)]
    [InlineData(SettingCatalog.SubmitSamplesConsent, (uint)SubmitSamplesConsentType.SendSafeSamples)]
    public void Default_UnconfirmedWhenDocumentsDisagree(string name, uint expectedRaw)
    {
        ResolvedSetting setting = FactsBuilder.Live("PC1").Resolve(name);

        Assert.Equal(ConfigurationSource.Default, setting.Source);
        Assert.Equal(expectedRaw, setting.RawValue);
        Assert.Equal(Certainty.Unconfirmed, setting.Certainty);
        Assert.NotEmpty(setting.Notes);
    }

    [Fact]
    public void Default_ValuesHaveSettingTypes()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").ResolveState();

        Assert.IsType<MAPSReportingType>(state.GetSetting(SettingCatalog.MAPSReporting)!.Value);
        Assert.IsType<SubmitSamplesConsentType>(state.GetSetting(SettingCatalog.SubmitSamplesConsent)!.Value);
        Assert.Equal(CloudBlockLevelType.Default, state.GetSetting(SettingCatalog.CloudBlockLevel)!.Value);
        Assert.Equal(0u, state.GetSetting(SettingCatalog.CloudExtendedTimeout)!.Value);
        Assert.Equal(false, state.GetSetting(SettingCatalog.DisableBlockAtFirstSeen)!.Value);
        Assert.Equal(false, state.GetSetting(SettingCatalog.DisableRealtimeMonitoring)!.Value);
        Assert.Equal(false, state.GetSetting(SettingCatalog.DisableIOAVProtection)!.Value);
    }

    [Fact]
    public void State_ListsSettingsInCatalogOrder()
    {
        CloudProtectionState state = FactsBuilder.Live("PC1").ResolveState();

        Assert.Equal(SettingCatalog.All.Select(definition => definition.Name), state.Settings.Select(setting => setting.Name));
        Assert.All(state.Settings, setting => Assert.Equal("PC1", setting.ComputerName));
    }

    [Fact]
    public void PrecedenceTable_RanksPoliciesMdmLocalDefault()
    {
        int policies = PrecedenceTable.RankOf(ConfigurationSource.GroupPolicy);

        Assert.Equal(policies, PrecedenceTable.RankOf(ConfigurationSource.PolicyWriterUnknown));
        Assert.True(PrecedenceTable.RankOf(ConfigurationSource.SecuritySettingsManagement) < PrecedenceTable.RankOf(ConfigurationSource.Mdm));
        Assert.True(PrecedenceTable.RankOf(ConfigurationSource.ConfigurationManager) < PrecedenceTable.RankOf(ConfigurationSource.Mdm));
        Assert.True(policies < PrecedenceTable.RankOf(ConfigurationSource.Mdm));
        Assert.True(PrecedenceTable.RankOf(ConfigurationSource.Mdm) < PrecedenceTable.RankOf(ConfigurationSource.LocalPreference));
        Assert.True(PrecedenceTable.RankOf(ConfigurationSource.LocalPreference) < PrecedenceTable.RankOf(ConfigurationSource.Default));
        Assert.Equal(int.MaxValue, PrecedenceTable.RankOf(ConfigurationSource.Unknown));
    }
}
