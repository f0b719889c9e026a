using CloudProtection.Resolution;
using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Resolution;

/// <summary>Who wrote a Policies value when no RSOP record names a GPO, and GP against MDM.</summary>
public class AttributionTests
{
    private const string SenseKey = RegistryPaths.SenseConfigurationKey;
    private const string ProductTypeKey = RegistryPaths.ManagedProductTypeKey;

    [Fact]
    public void NoRsopRecord_PolicyWriterUnknown()
    {
        ResolvedSetting level = FactsBuilder.Live("PC1").Policy("MpEngine", "MpCloudBlockLevel", 2).Resolve(SettingCatalog.CloudBlockLevel);

        Assert.Equal(ConfigurationSource.PolicyWriterUnknown, level.Source);
        Assert.Equal(Certainty.Unconfirmed, level.Certainty);
        Assert.Equal(CloudBlockLevelType.High, level.Value);
        Assert.True(level.PolicyConfigured);
        Assert.Contains("MpCloudBlockLevel", level.SourceDetail);
    }

    [Fact]
    public void RsopFailed_PolicyWriterUnknownWithReason()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("MpEngine", "MpCloudBlockLevel", 2)
            .RsopFailed("access denied");

        CloudProtectionState state = builder.ResolveState();
        ResolvedSetting level = state.GetSetting(SettingCatalog.CloudBlockLevel)!;

        Assert.Equal(ConfigurationSource.PolicyWriterUnknown, level.Source);
        Assert.Equal(Certainty.Unconfirmed, level.Certainty);
        Assert.Contains(level.Notes, note => note.Contains("access denied"));
        Assert.Contains(state.Warnings, warning => warning.Contains("RSOP"));
    }

    [Fact]
    public void SenseEnrollmentOne_SecuritySettingsManagement()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 2)
            .Value(SenseKey, RegistryPaths.SenseEnrollmentStatusValue, 1);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.SecuritySettingsManagement, maps.Source);
        Assert.Equal(Certainty.Unconfirmed, maps.Certainty);
    }

    [Fact]
    public void ProductTypeSeven_ConfigurationManager()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 2)
            .Value(ProductTypeKey, RegistryPaths.ManagedProductTypeValue, 7);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.ConfigurationManager, maps.Source);
        Assert.Equal(Certainty.Unconfirmed, maps.Certainty);
    }

    [Fact]
    public void ProductTypeSix_PolicyWriterUnknown()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 2)
            .Value(ProductTypeKey, RegistryPaths.ManagedProductTypeValue, 6);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.PolicyWriterUnknown, maps.Source);
    }

    [Fact]
    public void RsopRecord_BeatsManagementHints()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 2).Gpo("Contoso Baseline")
            .Value(SenseKey, RegistryPaths.SenseEnrollmentStatusValue, 1)
            .Value(ProductTypeKey, RegistryPaths.ManagedProductTypeValue, 7);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.GroupPolicy, maps.Source);
        Assert.Equal(Certainty.Confirmed, maps.Certainty);
    }

    [Fact]
    public void GpMdmDisagree_PolicyWinsUnconfirmed()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline")
            .Mdm("AllowCloudProtection", 1);

        ResolvedSetting maps = builder.Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.GroupPolicy, maps.Source);
        Assert.Equal(MAPSReportingType.Disabled, maps.Value);
        Assert.Equal(Certainty.Unconfirmed, maps.Certainty);
        Assert.Equal(CandidateStatus.Shadowed, maps.CandidateFrom(ConfigurationSource.Mdm).Status);
        Assert.Contains(maps.Notes, note => note.Contains("race"));
    }

    [Fact]
    public void GpMdmAgree_Confirmed()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Real-Time Protection", "DisableRealtimeMonitoring", 0).Gpo("Contoso Baseline")
            .Mdm("AllowRealtimeMonitoring", 1);

        ResolvedSetting realtime = builder.Resolve(SettingCatalog.DisableRealtimeMonitoring);

        Assert.Equal(ConfigurationSource.GroupPolicy, realtime.Source);
        Assert.Equal(false, realtime.Value);
        Assert.Equal(Certainty.Confirmed, realtime.Certainty);
    }

    [Fact]
    public void ManagedBy_DescribesHints()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Value(ProductTypeKey, RegistryPaths.ManagedProductTypeValue, 6)
            .Value(SenseKey, RegistryPaths.SenseEnrollmentStatusValue, 1);

        CloudProtectionState state = builder.ResolveState();

        Assert.Contains("Intune", state.ManagedBy);
        Assert.Contains("EnrollmentStatus 1", state.ManagedBy);
    }
}
