using CloudProtection.Resolution;
using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Resolution;

/// <summary>Comparison of the prediction with what MSFT_MpPreference reports.</summary>
public class ObservedValueTests
{
    [Fact]
    public void ObservedDiffers_MismatchUnknown()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline")
            .Observed(SettingCatalog.MAPSReporting, (byte)2);

        CloudProtectionState state = builder.ResolveState();
        ResolvedSetting maps = state.GetSetting(SettingCatalog.MAPSReporting)!;

        Assert.Equal(true, maps.Mismatch);
        Assert.Equal(Certainty.Unknown, maps.Certainty);
        Assert.Equal(MAPSReportingType.Advanced, maps.ObservedValue);
        Assert.Equal(MAPSReportingType.Disabled, maps.Value);
        Assert.True(state.HasMismatch);
        Assert.Contains(state.Warnings, warning => warning.StartsWith(SettingCatalog.MAPSReporting));
    }

    [Fact]
    public void ObservedEqual_NoMismatch()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("Spynet", "SpynetReporting", 0).Gpo("Contoso Baseline")
            .Observed(SettingCatalog.MAPSReporting, (byte)0);

        CloudProtectionState state = builder.ResolveState();
        ResolvedSetting maps = state.GetSetting(SettingCatalog.MAPSReporting)!;

        Assert.Equal(false, maps.Mismatch);
        Assert.Equal(Certainty.Confirmed, maps.Certainty);
        Assert.False(state.HasMismatch);
    }

    [Theory]
    [InlineData(SettingCatalog.DisableRealtimeMonitoring, false, false)]
    [InlineData(SettingCatalog.DisableRealtimeMonitoring, true, true)]
    [InlineData(SettingCatalog.DisableBlockAtFirstSeen, false, false)]
    public void ObservedBoolean_ComparedByValue(string name, bool observed, bool expectedMismatch)
    {
        ResolvedSetting setting = FactsBuilder.Live("PC1").Observed(name, observed).Resolve(name);

        Assert.Equal(expectedMismatch, setting.Mismatch);
        Assert.Equal(observed, setting.ObservedValue);
    }

    [Fact]
    public void ObservedTimeout_ComparedAsSeconds()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Policy("MpEngine", "MpBafsExtendedTimeout", 50).Gpo("Contoso Baseline")
            .Observed(SettingCatalog.CloudExtendedTimeout, 50u);

        ResolvedSetting timeout = builder.Resolve(SettingCatalog.CloudExtendedTimeout);

        Assert.Equal(false, timeout.Mismatch);
        Assert.Equal(50u, timeout.ObservedValue);
    }

    // The documents disagree on the MAPS default, but the value Defender reports settles it on this machine.
    [Fact]
    public void UnconfirmedDefault_ConfirmedByObservation()
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1").Observed(SettingCatalog.MAPSReporting, (byte)2).Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.Default, maps.Source);
        Assert.Equal(false, maps.Mismatch);
        Assert.Equal(Certainty.Confirmed, maps.Certainty);
        Assert.DoesNotContain(SettingCatalog.Get(SettingCatalog.MAPSReporting).DefaultNote, maps.Notes);
    }

    [Fact]
    public void UnconfirmedDefault_ContradictedByObservation()
    {
        ResolvedSetting consent = FactsBuilder.Live("PC1").Observed(SettingCatalog.SubmitSamplesConsent, (byte)0).Resolve(SettingCatalog.SubmitSamplesConsent);

        Assert.Equal(ConfigurationSource.Default, consent.Source);
        Assert.Equal(true, consent.Mismatch);
        Assert.Equal(Certainty.Unknown, consent.Certainty);
        Assert.Equal(SubmitSamplesConsentType.AlwaysPrompt, consent.ObservedValue);
    }

    [Fact]
    public void NotObserved_MismatchNull()
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1").Policy("Spynet", "SpynetReporting", 2).Gpo("Contoso Baseline").Resolve(SettingCatalog.MAPSReporting);

        Assert.Null(maps.Mismatch);
        Assert.Null(maps.ObservedValue);
    }

    [Fact]
    public void ObservedUnparsable_Incomparable()
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1").Observed(SettingCatalog.MAPSReporting, "Always").Resolve(SettingCatalog.MAPSReporting);

        Assert.Null(maps.Mismatch);
        Assert.Equal("Always", maps.ObservedValue);
        Assert.Equal(Certainty.Unknown, maps.Certainty);
    }

    // With no prediction there is nothing to contradict: the observation is kept, but no mismatch is claimed.
    [Fact]
    public void UnknownPrediction_NoMismatchClaimed()
    {
        FactsBuilder builder = FactsBuilder.Live("PC1")
            .Unreadable(Keys.PolicySpynet, "SpynetReporting")
            .Observed(SettingCatalog.MAPSReporting, (byte)2);

        CloudProtectionState state = builder.ResolveState();
        ResolvedSetting maps = state.GetSetting(SettingCatalog.MAPSReporting)!;

        Assert.Equal(ConfigurationSource.Unknown, maps.Source);
        Assert.Equal(Certainty.Unknown, maps.Certainty);
        Assert.Equal(MAPSReportingType.Advanced, maps.ObservedValue);
        Assert.Null(maps.Mismatch);
        Assert.False(state.HasMismatch);
    }
}
