using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Changes;
using CloudProtection.Cim;
using CloudProtection.Facts;
using CloudProtection.Resolution;
using CloudProtection.Settings;
using CloudProtection.Simulation;
using CloudProtection.Tests.Resolution;
using Xunit;

namespace CloudProtection.Tests.Changes;

/// <summary>
/// Plans and applies changes against <see cref="FactsCimHost"/>, the simulated Defender host that the
/// snapshot rehearsals use. The planner and executor under test are the ones live machines run.
/// </summary>
public sealed class ChangeFlowTests
{
    private static FactsCimHost LocalOnlyHost(bool tamperProtected = false) =>
        new(FactsBuilder.Live("PC1")
            .Local("Spynet", "SpyNetReporting", 2)
            .Local("Spynet", "SubmitSamplesConsent", 1)
            .Observed("MAPSReporting", (byte)2)
            .Observed("SubmitSamplesConsent", (byte)1)
            .TamperProtected(tamperProtected)
            .Build());

    private static FactsCimHost GpoHost() =>
        new(FactsBuilder.Live("PC2")
            .Policy("Spynet", "SpynetReporting", 2).Gpo("Contoso Baseline")
            .Local("Spynet", "SpyNetReporting", 0)
            .Observed("MAPSReporting", (byte)2)
            .TamperProtected(false)
            .Build());

    private static async Task<ChangeResult> RunAsync(ICimOperations host, ChangeRequest request)
    {
        (_, ChangeResult plan) = await ChangeExecutor.PlanAsync(host, request, CancellationToken.None);
        return await ChangeExecutor.ApplyAsync(host, plan, CancellationToken.None);
    }

    [Fact]
    public async Task Write_Applied()
    {
        FactsCimHost host = LocalOnlyHost();

        ChangeResult result = await RunAsync(host, new ChangeRequest().Set(SettingCatalog.SubmitSamplesConsent, 3));

        Assert.Equal(ChangeOutcome.Applied, result.Settings.Single().Outcome);
        Assert.Equal(SubmitSamplesConsentType.SendAllSamples, result.Settings.Single().After);
        Assert.Equal(1, host.WriteCount);
    }

    [Fact]
    public async Task SecondRun_NoChangeAndNoWrite()
    {
        FactsCimHost host = LocalOnlyHost();
        var request = new ChangeRequest().Set(SettingCatalog.SubmitSamplesConsent, 3);
        await RunAsync(host, request);

        ChangeResult second = await RunAsync(host, request);

        Assert.Equal(ChangeOutcome.NoChange, second.Settings.Single().Outcome);
        Assert.Equal(SubmitSamplesConsentType.SendAllSamples, second.Settings.Single().After);
        Assert.False(second.Written);
        Assert.Equal(1, host.WriteCount);
    }

    [Fact]
    public async Task OneSetCall_ContainsOnlyPlannedSettings()
    {
        FactsCimHost host = LocalOnlyHost();
        var request = new ChangeRequest()
            .Set(SettingCatalog.MAPSReporting, 2)
            .Set(SettingCatalog.SubmitSamplesConsent, 3)
            .Set(SettingCatalog.CloudBlockLevel, 2);

        ChangeResult result = await RunAsync(host, request);

        Assert.Equal(1, host.WriteCount);
        Assert.Equal(ChangeOutcome.NoChange, result.Settings.Single(setting => setting.Name == SettingCatalog.MAPSReporting).Outcome);
        Assert.False(result.Settings.Single(setting => setting.Name == SettingCatalog.MAPSReporting).Planned);
        Assert.Equal(ChangeOutcome.Applied, result.Settings.Single(setting => setting.Name == SettingCatalog.CloudBlockLevel).Outcome);
    }

    [Fact]
    public async Task GpoOwner_ShadowedWithoutWrite()
    {
        FactsCimHost host = GpoHost();

        ChangeResult result = await RunAsync(host, new ChangeRequest().Set(SettingCatalog.MAPSReporting, 1));

        SettingChange change = result.Settings.Single();
        Assert.Equal(ChangeOutcome.ShadowedByGroupPolicy, change.Outcome);
        Assert.Contains("Contoso Baseline", change.Message);
        Assert.Equal(0, host.WriteCount);
    }

    [Fact]
    public async Task GpoOwner_ForcedWriteStaysShadowed()
    {
        FactsCimHost host = GpoHost();

        ChangeResult result = await RunAsync(host, new ChangeRequest { Force = true }.Set(SettingCatalog.MAPSReporting, 1));

        SettingChange change = result.Settings.Single();
        Assert.Equal(ChangeOutcome.ShadowedByGroupPolicy, change.Outcome);
        Assert.Equal(1, host.WriteCount);
        Assert.Equal(1u, ChangePlanner.ReadLocal(host.Facts, SettingCatalog.Get(SettingCatalog.MAPSReporting)));
        Assert.Equal(MAPSReportingType.Advanced, change.After);
    }

    [Fact]
    public async Task GpoAlreadyEnforcesRequest_NoChange()
    {
        FactsCimHost host = GpoHost();

        ChangeResult result = await RunAsync(host, new ChangeRequest().Set(SettingCatalog.MAPSReporting, 2));

        Assert.Equal(ChangeOutcome.NoChange, result.Settings.Single().Outcome);
        Assert.Equal(0, host.WriteCount);
    }

    [Fact]
    public async Task TamperProtection_BlocksWeakeningWrite()
    {
        FactsCimHost host = LocalOnlyHost(tamperProtected: true);

        ChangeResult result = await RunAsync(host, new ChangeRequest().Set(SettingCatalog.MAPSReporting, 0));

        Assert.Equal(ChangeOutcome.BlockedByTamperProtection, result.Settings.Single().Outcome);
        Assert.Equal(0, host.WriteCount);
    }

    [Fact]
    public async Task TamperProtection_AllowsStrengtheningWrite()
    {
        FactsCimHost host = LocalOnlyHost(tamperProtected: true);

        ChangeResult result = await RunAsync(host, new ChangeRequest().Set(SettingCatalog.DisableRealtimeMonitoring, 0));

        Assert.Equal(ChangeOutcome.Applied, result.Settings.Single().Outcome);
    }

    [Fact]
    public async Task Reset_RemovesLocalValue()
    {
        FactsCimHost host = LocalOnlyHost();

        ChangeResult result = await RunAsync(host, new ChangeRequest().Reset(SettingCatalog.SubmitSamplesConsent));

        SettingChange change = result.Settings.Single();
        Assert.Equal(ChangeOutcome.Reset, change.Outcome);
        Assert.Equal(ConfigurationSource.Default, change.SourceAfter);
        Assert.Null(ChangePlanner.ReadLocal(host.Facts, SettingCatalog.Get(SettingCatalog.SubmitSamplesConsent)));
    }

    [Fact]
    public async Task Reset_WithoutLocalValue_NoChange()
    {
        FactsCimHost host = LocalOnlyHost();

        ChangeResult result = await RunAsync(host, new ChangeRequest().Reset(SettingCatalog.CloudBlockLevel));

        Assert.Equal(ChangeOutcome.NoChange, result.Settings.Single().Outcome);
        Assert.Equal(0, host.WriteCount);
    }

    [Fact]
    public async Task DefenderUnavailable_PlanThrows()
    {
        MachineFacts facts = FactsBuilder.Live("PC3").Build();
        facts.PreferenceStatus = FactStatus.Failed;
        facts.PreferenceError = "Defender is off";
        var host = new FactsCimHost(facts);

        var error = await Assert.ThrowsAsync<CimOperationException>(() => ChangeExecutor.PlanAsync(host, new ChangeRequest().Set(SettingCatalog.MAPSReporting, 2), CancellationToken.None));

        Assert.Equal(CimFailureKind.DefenderUnavailable, error.Kind);
    }

    [Fact]
    public async Task SilentlyIgnoredWrite_ReportedFailed()
    {
        // The host accepts the write but Defender keeps another value: the verify step must not call it Applied.
        FactsCimHost host = LocalOnlyHost();
        (MachineFacts _, ChangeResult plan) = await ChangeExecutor.PlanAsync(host, new ChangeRequest().Set(SettingCatalog.CloudBlockLevel, 4), CancellationToken.None);
        MachineFacts after = FactsBuilder.Live("PC1").Local("MpEngine", "MpCloudBlockLevel", 4).Observed("CloudBlockLevel", (byte)0).Build();

        ChangeExecutor.Verify(plan, after);

        Assert.Equal(ChangeOutcome.Failed, plan.Settings.Single().Outcome);
    }

    [Theory]
    [InlineData(SettingCatalog.CloudBlockLevel, 3u)]
    [InlineData(SettingCatalog.CloudExtendedTimeout, 51u)]
    [InlineData(SettingCatalog.SubmitSamplesConsent, 4u)]
    public void Request_RejectsUndefinedValue(string name, uint raw)
    {
        var error = Assert.Throws<System.ArgumentOutOfRangeException>(() => new ChangeRequest().Set(name, raw));

        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Request_RejectsGroupPolicyOnlySetting()
    {
        Assert.Throws<System.ArgumentException>(() => new ChangeRequest().Set(SettingCatalog.LocalSettingOverrideSpynetReporting, 1));
    }
}
