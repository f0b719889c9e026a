using CloudProtection.Resolution;
using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Resolution;

/// <summary>Values that could not be read, were never captured, or are not REG_DWORD.</summary>
public class UnreadableTests
{
    [Fact]
    public void UnreadableAboveWinner_SourceUnknown()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Unreadable(Keys.PolicySpynet, "SpynetReporting")
            .Local("Spynet", "SpyNetReporting", 2);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.Unknown, maps.Source);
        Assert.Equal(Certainty.Unknown, maps.Certainty);
        Assert.Null(maps.Value);
        Assert.Null(maps.RawValue);
        Assert.Equal(CandidateStatus.Unreadable, maps.CandidateFrom(ConfigurationSource.GroupPolicy).Status);
        Assert.Equal(CandidateStatus.Shadowed, maps.CandidateFrom(ConfigurationSource.LocalPreference).Status);
        Assert.Equal(CandidateStatus.NotConfigured, maps.CandidateFrom(ConfigurationSource.Default).Status);
    }

    // Nothing below the unreadable value is configured, yet the source is still Unknown, never Default.
    [Fact]
    public void UnreadableAboveDefault_SourceUnknown()
    {
        ResolvedSetting realtime = FactsBuilder.Live("PC1").Unreadable(Keys.Mdm, "AllowRealtimeMonitoring").Resolve(SettingCatalog.DisableRealtimeMonitoring);

        Assert.Equal(ConfigurationSource.Unknown, realtime.Source);
        Assert.Equal(Certainty.Unknown, realtime.Certainty);
        Assert.Null(realtime.Value);
        Assert.Contains("AllowRealtimeMonitoring", realtime.SourceDetail);
    }

    [Fact]
    public void UnreadableBelowWinner_Ignored()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 2).Gpo("Contoso Baseline")
            .Unreadable(Keys.LocalSpynet, "SpyNetReporting");

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.GroupPolicy, maps.Source);
        Assert.Equal(MAPSReportingType.Advanced, maps.Value);
        Assert.Equal(Certainty.Confirmed, maps.Certainty);
        Assert.Equal(CandidateStatus.Unreadable, maps.CandidateFrom(ConfigurationSource.LocalPreference).Status);
    }

    [Fact]
    public void WrongTypeAboveWinner_SourceUnknown()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .WrongType(Keys.PolicyRealTime, "DisableIOAVProtection")
            .Local("Real-Time Protection", "DisableIOAVProtection", 0);

        ResolvedSetting ioav = builder.Resolve(SettingCatalog.DisableIOAVProtection);
        SettingCandidate policy = ioav.CandidateFrom(ConfigurationSource.GroupPolicy);

        Assert.Equal(ConfigurationSource.Unknown, ioav.Source);
        Assert.Equal(Certainty.Unknown, ioav.Certainty);
        Assert.Equal(CandidateStatus.Unreadable, policy.Status);
        Assert.Contains("REG_DWORD", policy.Note);
    }

    [Fact]
    public void WrongTypeBelowWinner_Ignored()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Mdm("AllowIOAVProtection", 1)
            .WrongType(Keys.LocalRealTime, "DisableIOAVProtection");

        ResolvedSetting ioav = builder.Resolve(SettingCatalog.DisableIOAVProtection);

        Assert.Equal(ConfigurationSource.Mdm, ioav.Source);
        Assert.Equal(false, ioav.Value);
        Assert.Equal(Certainty.Confirmed, ioav.Certainty);
    }

    [Fact]
    public void MissingFromLiveFacts_IsUnknown()
    {
        ResolvedSetting consent = FactsBuilder.Live("PC1").Missing(Keys.Mdm, "SubmitSamplesConsent").Resolve(SettingCatalog.SubmitSamplesConsent);

        Assert.Equal(ConfigurationSource.Unknown, consent.Source);
        Assert.Equal(Certainty.Unknown, consent.Certainty);
        Assert.Equal(CandidateStatus.Unreadable, consent.CandidateFrom(ConfigurationSource.Mdm).Status);
    }

    [Fact]
    public void MissingFromSnapshot_IsUnknown()
    {
        ResolvedSetting level = FactsBuilder.Snapshot("PC1").Missing(Keys.PolicyMpEngine, "MpCloudBlockLevel").Resolve(SettingCatalog.CloudBlockLevel);

        Assert.Equal(ConfigurationSource.Unknown, level.Source);
        Assert.Equal(Certainty.Unknown, level.Certainty);
    }

    [Fact]
    public void GroupPolicyFile_MissingIsNotConfigured()
    {
        ResolvedSetting level = FactsBuilder.GroupPolicyFile("PC1").Resolve(SettingCatalog.CloudBlockLevel);

        Assert.Equal(ConfigurationSource.Default, level.Source);
        Assert.Equal(CloudBlockLevelType.Default, level.Value);
        Assert.Equal(Certainty.Confirmed, level.Certainty);
        Assert.False(level.PolicyConfigured);
    }

    [Fact]
    public void GroupPolicyFile_PolicyValueWins()
    {
        FactsBuilder builder = FactsBuilder.GroupPolicyFile("PC1").Policy("MpEngine", "MpCloudBlockLevel", 4).Gpo("Contoso Baseline");

        ResolvedSetting level = builder.Resolve(SettingCatalog.CloudBlockLevel);

        Assert.Equal(ConfigurationSource.GroupPolicy, level.Source);
        Assert.Equal(CloudBlockLevelType.HighPlus, level.Value);
        Assert.Equal(Certainty.Confirmed, level.Certainty);
        Assert.Equal(CandidateStatus.NotConfigured, level.CandidateFrom(ConfigurationSource.Mdm).Status);
        Assert.Equal(CandidateStatus.NotConfigured, level.CandidateFrom(ConfigurationSource.LocalPreference).Status);
    }

    [Fact]
    public void GroupPolicyFile_StateHasNoUnknowns()
    {
        CloudProtectionState state = FactsBuilder.GroupPolicyFile("PC1").ResolveState();

        Assert.All(state.Settings, setting => Assert.NotEqual(ConfigurationSource.Unknown, setting.Source));
        Assert.All(state.Settings, setting => Assert.NotNull(setting.Value));
    }
}
