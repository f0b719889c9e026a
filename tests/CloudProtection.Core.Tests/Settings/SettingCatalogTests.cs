using System;
using System.Linq;
using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Settings;

/// <summary>The catalog's locations, MDM mappings and defaults.</summary>
public class SettingCatalogTests
{
    [Fact]
    public void Get_IgnoresCase()
    {
        SettingDefinition definition = SettingCatalog.Get("mapsreporting");

        Assert.Equal(SettingCatalog.MAPSReporting, definition.Name);
    }

    [Fact]
    public void Get_UnknownNameThrows()
    {
        ArgumentException failure = Assert.Throws<ArgumentException>(() => SettingCatalog.Get("CloudBlock"));

        Assert.Contains("CloudBlockLevel", failure.Message);
    }

    [Theory]
    [InlineData((uint)0, (uint)0)]
    [InlineData((uint)1, (uint)2)]
    public void AllowCloudProtection_MapsBothWays(uint stored, uint preference)
    {
        SettingLocation mdm = SettingCatalog.Get(SettingCatalog.MAPSReporting).Mdm!;

        Assert.True(mdm.TryMapToPreference(stored, out uint mapped));
        Assert.Equal(preference, mapped);
        Assert.True(mdm.TryMapFromPreference(preference, out uint back));
        Assert.Equal(stored, back);
    }

    [Fact]
    public void AllowCloudProtection_HasNoBasic()
    {
        SettingLocation mdm = SettingCatalog.Get(SettingCatalog.MAPSReporting).Mdm!;

        Assert.False(mdm.TryMapFromPreference(1, out _));
        Assert.False(mdm.TryMapToPreference(2, out _));
    }

    [Theory]
    [InlineData(SettingCatalog.DisableRealtimeMonitoring, "AllowRealtimeMonitoring")]
    [InlineData(SettingCatalog.DisableIOAVProtection, "AllowIOAVProtection")]
    public void AllowSwitch_InvertsDisable(string name, string mdmValueName)
    {
        SettingLocation mdm = SettingCatalog.Get(name).Mdm!;

        Assert.Equal(mdmValueName, mdm.ValueName);
        Assert.True(mdm.TryMapToPreference(0, out uint fromZero));
        Assert.Equal(1u, fromZero);
        Assert.True(mdm.TryMapToPreference(1, out uint fromOne));
        Assert.Equal(0u, fromOne);
    }

    [Theory]
    [InlineData(SettingCatalog.MAPSReporting, @"SOFTWARE\Policies\Microsoft\Windows Defender\Spynet", "SpynetReporting")]
    [InlineData(SettingCatalog.SubmitSamplesConsent, @"SOFTWARE\Policies\Microsoft\Windows Defender\Spynet", "SubmitSamplesConsent")]
    [InlineData(SettingCatalog.CloudBlockLevel, @"SOFTWARE\Policies\Microsoft\Windows Defender\MpEngine", "MpCloudBlockLevel")]
    [InlineData(SettingCatalog.CloudExtendedTimeout, @"SOFTWARE\Policies\Microsoft\Windows Defender\MpEngine", "MpBafsExtendedTimeout")]
    [InlineData(SettingCatalog.DisableBlockAtFirstSeen, @"SOFTWARE\Policies\Microsoft\Windows Defender\Spynet", "DisableBlockAtFirstSeen")]
    [InlineData(SettingCatalog.DisableRealtimeMonitoring, @"SOFTWARE\Policies\Microsoft\Windows Defender\Real-Time Protection", "DisableRealtimeMonitoring")]
    [InlineData(SettingCatalog.DisableIOAVProtection, @"SOFTWARE\Policies\Microsoft\Windows Defender\Real-Time Protection", "DisableIOAVProtection")]
    [InlineData(SettingCatalog.LocalSettingOverrideSpynetReporting, @"SOFTWARE\Policies\Microsoft\Windows Defender\Spynet", "LocalSettingOverrideSpynetReporting")]
    public void PolicyLocation_MatchesTemplate(string name, string key, string valueName)
    {
        SettingLocation policy = SettingCatalog.Get(name).GroupPolicy!;

        Assert.Equal(key, policy.Key);
        Assert.Equal(valueName, policy.ValueName);
    }

    [Theory]
    [InlineData(SettingCatalog.MAPSReporting, (uint)2, Certainty.Unconfirmed)]
    [InlineData(SettingCatalog.SubmitSamplesConsent, (uint)1, Certainty.Unconfirmed)]
    [InlineData(SettingCatalog.CloudBlockLevel, (uint)0, Certainty.Confirmed)]
    [InlineData(SettingCatalog.CloudExtendedTimeout, (uint)0, Certainty.Confirmed)]
    [InlineData(SettingCatalog.DisableBlockAtFirstSeen, (uint)0, Certainty.Confirmed)]
    [InlineData(SettingCatalog.DisableRealtimeMonitoring, (uint)0, Certainty.Confirmed)]
    [InlineData(SettingCatalog.DisableIOAVProtection, (uint)0, Certainty.Confirmed)]
    public void Defaults_MatchDocuments(string name, uint expected, Certainty certainty)
    {
        SettingDefinition definition = SettingCatalog.Get(name);

        Assert.Equal(expected, definition.DefaultValue);
        Assert.Equal(certainty, definition.DefaultCertainty);
    }

    [Fact]
    public void Override_IsNoPreference()
    {
        SettingDefinition localOverride = SettingCatalog.Get(SettingCatalog.LocalSettingOverrideSpynetReporting);

        Assert.Null(localOverride.LocalPreference);
        Assert.Null(localOverride.Mdm);
        Assert.DoesNotContain(localOverride, SettingCatalog.Writable);
    }

    [Fact]
    public void RegistryValuesToRead_IncludesManagementHints()
    {
        var values = SettingCatalog.RegistryValuesToRead().ToList();

        Assert.Contains((RegistryPaths.SenseConfigurationKey, RegistryPaths.SenseEnrollmentStatusValue), values);
        Assert.Contains((RegistryPaths.ManagedProductTypeKey, RegistryPaths.ManagedProductTypeValue), values);
        Assert.Equal(values.Count, values.Distinct().Count());
    }

    [Theory]
    [InlineData(@"HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\", @"software\policies\microsoft\windows defender")]
    [InlineData(@"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows Defender", @"SOFTWARE\Microsoft\Windows Defender")]
    [InlineData(@"HKLM:\SOFTWARE\Microsoft\SenseCM", @"SOFTWARE\Microsoft\SenseCM")]
    public void KeyEquals_IgnoresHiveCaseAndSlash(string left, string right)
    {
        Assert.True(RegistryPaths.KeyEquals(left, right));
    }
}
