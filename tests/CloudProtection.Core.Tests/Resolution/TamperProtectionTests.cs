using CloudProtection.Resolution;
using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Resolution;

/// <summary>Tamper protection keeps guarded settings at their secure default and ignores weaker values.</summary>
public class TamperProtectionTests
{
    // Each weak value once from the Policies key and once from the local preference. The Policies rows
    // without a GPO record are attributed to PolicyWriterUnknown, which tamper protection treats alike.
    [Theory]
    [InlineData(true, "Spynet", "SpynetReporting", (uint)0, SettingCatalog.MAPSReporting)]
    [InlineData(false, "Spynet", "SpyNetReporting", (uint)0, SettingCatalog.MAPSReporting)]
    [InlineData(true, "Real-Time Protection", "DisableRealtimeMonitoring", (uint)1, SettingCatalog.DisableRealtimeMonitoring)]
    [InlineData(false, "Real-Time Protection", "DisableRealtimeMonitoring", (uint)1, SettingCatalog.DisableRealtimeMonitoring)]
    [InlineData(true, "Real-Time Protection", "DisableIOAVProtection", (uint)1, SettingCatalog.DisableIOAVProtection)]
    [InlineData(false, "Real-Time Protection", "DisableIOAVProtection", (uint)1, SettingCatalog.DisableIOAVProtection)]
    public void WeakValue_IgnoredForDefault(bool fromPolicy, string subKey, string valueName, uint weakValue, string name)
    {
        FactsBuilder builder = fromPolicy
            ? FactsBuilder.Live("PC1").Policy(subKey, valueName, weakValue)
            : FactsBuilder.Live("PC1").Local(subKey, valueName, weakValue);
        ConfigurationSource weakSource = fromPolicy ? ConfigurationSource.PolicyWriterUnknown : ConfigurationSource.LocalPreference;
        SettingDefinition definition = SettingCatalog.Get(name);

        ResolvedSetting setting = builder.TamperProtected(true).Resolve(name);
        SettingCandidate weak = setting.CandidateFrom(weakSource);

        Assert.Equal(ConfigurationSource.TamperProtection, setting.Source);
        Assert.Equal(definition.DefaultValue, setting.RawValue);
        Assert.Equal(definition.ToValue(definition.DefaultValue), setting.Value);
        Assert.Equal(CandidateStatus.Ignored, weak.Status);
        Assert.Equal(CandidateStatus.Winner, setting.CandidateFrom(ConfigurationSource.Default).Status);
        Assert.Contains(weak, setting.ShadowedCandidates);
    }

    [Fact]
    public void GpoWeakValue_IgnoredForDefault()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline")
            .TamperProtected(true);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.TamperProtection, maps.Source);
        Assert.Equal(MAPSReportingType.Advanced, maps.Value);
        Assert.Equal(CandidateStatus.Ignored, maps.CandidateFrom(ConfigurationSource.GroupPolicy).Status);
        Assert.True(maps.PolicyConfigured);
    }

    [Fact]
    public void TamperOff_WeakValueWins()
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1").Local("Spynet", "SpyNetReporting", 0).TamperProtected(false).Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.LocalPreference, maps.Source);
        Assert.Equal(MAPSReportingType.Disabled, maps.Value);
    }

    [Fact]
    public void TamperOn_StrongValueWins()
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1").Local("Spynet", "SpyNetReporting", 2).TamperProtected(true).Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.LocalPreference, maps.Source);
        Assert.Equal(MAPSReportingType.Advanced, maps.Value);
    }

    // SubmitSamplesConsent is not among the settings tamper protection guards.
    [Fact]
    public void TamperOn_UnguardedSettingUntouched()
    {
        ResolvedSetting consent = FactsBuilder.Live("PC1").Local("Spynet", "SubmitSamplesConsent", 2).TamperProtected(true).Resolve(SettingCatalog.SubmitSamplesConsent);

        Assert.Equal(ConfigurationSource.LocalPreference, consent.Source);
        Assert.Equal(SubmitSamplesConsentType.NeverSend, consent.Value);
    }

    [Fact]
    public void TamperOn_MdmWeakValueUnconfirmed()
    {
        ResolvedSetting realtime = FactsBuilder.Live("PC1").Mdm("AllowRealtimeMonitoring", 0).TamperProtected(true).Resolve(SettingCatalog.DisableRealtimeMonitoring);

        Assert.Equal(ConfigurationSource.Mdm, realtime.Source);
        Assert.Equal(true, realtime.Value);
        Assert.Equal(Certainty.Unconfirmed, realtime.Certainty);
    }
}
