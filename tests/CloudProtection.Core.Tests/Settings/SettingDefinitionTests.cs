using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Settings;

/// <summary>Conversions between preference values, names and raw numbers.</summary>
public class SettingDefinitionTests
{
    private static SettingDefinition Consent => SettingCatalog.Get(SettingCatalog.SubmitSamplesConsent);

    // "Always" is a prefix of AlwaysPrompt but could also be read as SendAllSamples ("always send").
    [Fact]
    public void TryToRaw_RejectsAmbiguousAlways()
    {
        bool parsed = Consent.TryToRaw("Always", out _);

        Assert.False(parsed);
    }

    [Theory]
    [InlineData("AlwaysPrompt", (uint)0)]
    [InlineData("alwaysprompt", (uint)0)]
    [InlineData("SENDSAFESAMPLES", (uint)1)]
    [InlineData(" NeverSend ", (uint)2)]
    [InlineData("sendAllSamples", (uint)3)]
    [InlineData("3", (uint)3)]
    public void TryToRaw_AcceptsFullNames(string text, uint expected)
    {
        bool parsed = Consent.TryToRaw(text, out uint raw);

        Assert.True(parsed);
        Assert.Equal(expected, raw);
    }

    [Theory]
    [InlineData("Send")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("Safe")]
    public void TryToRaw_RejectsPartialNames(string text)
    {
        Assert.False(Consent.TryToRaw(text, out _));
    }

    [Fact]
    public void TryToRaw_AcceptsEnumAndNumbers()
    {
        SettingDefinition maps = SettingCatalog.Get(SettingCatalog.MAPSReporting);

        Assert.True(maps.TryToRaw(MAPSReportingType.Advanced, out uint fromEnum));
        Assert.Equal(2u, fromEnum);
        Assert.True(maps.TryToRaw((byte)1, out uint fromByte));
        Assert.Equal(1u, fromByte);
        Assert.True(maps.TryToRaw(0, out uint fromInt));
        Assert.Equal(0u, fromInt);
        Assert.False(maps.TryToRaw(-1, out _));
        Assert.False(maps.TryToRaw(null, out _));
    }

    [Fact]
    public void TryToRaw_BooleanOnlyForBooleanSettings()
    {
        SettingDefinition realtime = SettingCatalog.Get(SettingCatalog.DisableRealtimeMonitoring);
        SettingDefinition maps = SettingCatalog.Get(SettingCatalog.MAPSReporting);

        Assert.True(realtime.TryToRaw(true, out uint fromBool));
        Assert.Equal(1u, fromBool);
        Assert.True(realtime.TryToRaw("False", out uint fromText));
        Assert.Equal(0u, fromText);
        Assert.False(maps.TryToRaw(true, out _));
        Assert.False(maps.TryToRaw("true", out _));
    }

    [Theory]
    [InlineData(SettingCatalog.MAPSReporting, (uint)2, true)]
    [InlineData(SettingCatalog.MAPSReporting, (uint)3, false)]
    [InlineData(SettingCatalog.CloudBlockLevel, (uint)1, true)]
    [InlineData(SettingCatalog.CloudBlockLevel, (uint)3, false)]
    [InlineData(SettingCatalog.CloudBlockLevel, (uint)5, false)]
    [InlineData(SettingCatalog.CloudBlockLevel, (uint)6, true)]
    [InlineData(SettingCatalog.CloudExtendedTimeout, (uint)0, true)]
    [InlineData(SettingCatalog.CloudExtendedTimeout, (uint)50, true)]
    [InlineData(SettingCatalog.CloudExtendedTimeout, (uint)51, false)]
    [InlineData(SettingCatalog.DisableBlockAtFirstSeen, (uint)1, true)]
    [InlineData(SettingCatalog.DisableBlockAtFirstSeen, (uint)2, false)]
    public void IsDefined_FollowsAllowedSet(string name, uint raw, bool expected)
    {
        Assert.Equal(expected, SettingCatalog.Get(name).IsDefined(raw));
    }

    [Theory]
    [InlineData(SettingCatalog.MAPSReporting, (uint)2, "Advanced (2)")]
    [InlineData(SettingCatalog.SubmitSamplesConsent, (uint)0, "AlwaysPrompt (0)")]
    [InlineData(SettingCatalog.CloudBlockLevel, (uint)3, "3 (undefined)")]
    [InlineData(SettingCatalog.CloudExtendedTimeout, (uint)50, "50")]
    [InlineData(SettingCatalog.CloudExtendedTimeout, (uint)90, "90 (undefined)")]
    [InlineData(SettingCatalog.DisableIOAVProtection, (uint)1, "True")]
    [InlineData(SettingCatalog.DisableIOAVProtection, (uint)0, "False")]
    public void Format_ShowsNameAndNumber(string name, uint raw, string expected)
    {
        Assert.Equal(expected, SettingCatalog.Get(name).Format(raw));
    }

    [Fact]
    public void ToValue_KeepsUndefinedNumber()
    {
        object value = SettingCatalog.Get(SettingCatalog.CloudBlockLevel).ToValue(3);

        Assert.IsType<CloudBlockLevelType>(value);
        Assert.Equal(3, (int)(CloudBlockLevelType)value);
    }

    [Fact]
    public void WeakValues_OnlyGuardedSettings()
    {
        Assert.True(SettingCatalog.Get(SettingCatalog.MAPSReporting).WeakensTamperProtectedSetting(0));
        Assert.False(SettingCatalog.Get(SettingCatalog.MAPSReporting).WeakensTamperProtectedSetting(2));
        Assert.True(SettingCatalog.Get(SettingCatalog.DisableRealtimeMonitoring).WeakensTamperProtectedSetting(1));
        Assert.True(SettingCatalog.Get(SettingCatalog.DisableIOAVProtection).WeakensTamperProtectedSetting(1));
        Assert.False(SettingCatalog.Get(SettingCatalog.SubmitSamplesConsent).WeakensTamperProtectedSetting(2));
    }
}
