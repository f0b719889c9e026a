using CloudProtection.Resolution;
using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Resolution;

/// <summary>How stored numbers become preference values: MDM polarity, configured 0, BAFS, undefined numbers.</summary>
public class ValueMappingTests
{
    [Theory]
    [InlineData((uint)0, MAPSReportingType.Disabled)]
    [InlineData((uint)1, MAPSReportingType.Advanced)]
    public void AllowCloudProtection_MapsToMaps(uint stored, MAPSReportingType expected)
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1").Mdm("AllowCloudProtection", stored).Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.Mdm, maps.Source);
        Assert.Equal(expected, maps.Value);
        Assert.Equal((uint)expected, maps.RawValue);
        Assert.Equal(stored, maps.CandidateFrom(ConfigurationSource.Mdm).StoredValue);
        Assert.True(maps.PolicyConfigured);
        Assert.True(maps.IsDefinedValue);
    }

    // The Allow* CSP switches are the inverse of the Disable* preferences.
    [Theory]
    [InlineData("AllowRealtimeMonitoring", SettingCatalog.DisableRealtimeMonitoring, (uint)0, true)]
    [InlineData("AllowRealtimeMonitoring", SettingCatalog.DisableRealtimeMonitoring, (uint)1, false)]
    [InlineData("AllowIOAVProtection", SettingCatalog.DisableIOAVProtection, (uint)0, true)]
    [InlineData("AllowIOAVProtection", SettingCatalog.DisableIOAVProtection, (uint)1, false)]
    public void AllowSwitch_InvertsDisable(string mdmValueName, string settingName, uint stored, bool expectedDisable)
    {
        ResolvedSetting setting = FactsBuilder.Live("PC1").Mdm(mdmValueName, stored).Resolve(settingName);

        Assert.Equal(ConfigurationSource.Mdm, setting.Source);
        Assert.Equal(expectedDisable, setting.Value);
        Assert.Equal(expectedDisable ? 1u : 0u, setting.RawValue);
    }

    [Fact]
    public void PolicyZero_IsConfiguredNotDefault()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1").Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline");

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.GroupPolicy, maps.Source);
        Assert.True(maps.PolicyConfigured);
        Assert.Equal(MAPSReportingType.Disabled, maps.Value);
        Assert.Equal(CandidateStatus.NotConfigured, maps.CandidateFrom(ConfigurationSource.Default).Status);
    }

    [Fact]
    public void PolicyAbsent_IsNotConfigured()
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1").Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.Default, maps.Source);
        Assert.False(maps.PolicyConfigured);
        Assert.Equal(CandidateStatus.NotConfigured, maps.CandidateFrom(ConfigurationSource.GroupPolicy).Status);
    }

    [Theory]
    [InlineData((uint)0, false)]
    [InlineData((uint)1, true)]
    public void BafsPolicy_KeepsPreferencePolarity(uint stored, bool expectedDisable)
    {
        FactsBuilder builder = FactsBuilder.Live("PC1").Policy("Spynet", "DisableBlockAtFirstSeen", stored).Gpo("Contoso Baseline");

        ResolvedSetting bafs = builder.Resolve(SettingCatalog.DisableBlockAtFirstSeen);

        Assert.Equal(ConfigurationSource.GroupPolicy, bafs.Source);
        Assert.Equal(expectedDisable, bafs.Value);
        Assert.True(bafs.PolicyConfigured);
    }

    [Fact]
    public void CloudBlockLevelThree_ReportedAndFlagged()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1").Policy("MpEngine", "MpCloudBlockLevel", 3).Gpo("Contoso Baseline");

        ResolvedSetting level = builder.Resolve(SettingCatalog.CloudBlockLevel);

        Assert.Equal(ConfigurationSource.GroupPolicy, level.Source);
        Assert.Equal(3u, level.RawValue);
        Assert.Equal((CloudBlockLevelType)3, level.Value);
        Assert.False(level.IsDefinedValue);
        Assert.Contains(level.Notes, note => note.Contains("not a defined"));
    }

    [Fact]
    public void ExtendedTimeoutNinety_ReportedAndFlagged()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1").Policy("MpEngine", "MpBafsExtendedTimeout", 90).Gpo("Contoso Baseline");

        ResolvedSetting timeout = builder.Resolve(SettingCatalog.CloudExtendedTimeout);

        Assert.Equal(90u, timeout.RawValue);
        Assert.Equal(90u, timeout.Value);
        Assert.False(timeout.IsDefinedValue);
        Assert.Contains(timeout.Notes, note => note.Contains("not a defined"));
    }

    [Fact]
    public void ExtendedTimeoutFifty_IsDefined()
    {
        ResolvedSetting timeout = FactsBuilder.Live("PC1").Policy("MpEngine", "MpBafsExtendedTimeout", 50).Gpo("Contoso Baseline").Resolve(SettingCatalog.CloudExtendedTimeout);

        Assert.Equal(50u, timeout.Value);
        Assert.True(timeout.IsDefinedValue);
    }

    // 5 has no mapping in the AllowCloudProtection CSP; it must surface as it is, still typed as the enum.
    [Fact]
    public void UnmappedMdmNumber_ReportedAndFlagged()
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1").Mdm("AllowCloudProtection", 5).Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.Mdm, maps.Source);
        Assert.Equal(5u, maps.RawValue);
        Assert.False(maps.IsDefinedValue);
        Assert.IsType<MAPSReportingType>(maps.Value);
        Assert.Contains(maps.Notes, note => note.Contains("AllowCloudProtection"));
    }

    [Fact]
    public void MapsBasic_NotedAsAdvanced()
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1").Local("Spynet", "SpyNetReporting", 1).Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(MAPSReportingType.Basic, maps.Value);
        Assert.True(maps.IsDefinedValue);
        Assert.Contains(maps.Notes, note => note.Contains("Advanced"));
    }

    [Fact]
    public void UnconfirmedLocation_MakesResultUnconfirmed()
    {
        // No Microsoft document names the local MpCloudBlockLevel value; the catalog assumes it.
        FactsBuilder builder = FactsBuilder.Live("PC1").Value(RegistryPaths.Combine(RegistryPaths.LocalRoot, "MpEngine"), "MpCloudBlockLevel", 2);

        ResolvedSetting level = builder.Resolve(SettingCatalog.CloudBlockLevel);

        Assert.Equal(ConfigurationSource.LocalPreference, level.Source);
        Assert.Equal(CloudBlockLevelType.High, level.Value);
        Assert.Equal(Certainty.Unconfirmed, level.Certainty);
    }
}
