using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;
using CloudProtection.Facts;
using CloudProtection.Resolution;
using CloudProtection.Settings;
using CloudProtection.Simulation;
using CloudProtection.Snapshots;
using Xunit;

namespace CloudProtection.Tests.Resolution;

public sealed class MdmMergedStoreTests
{
    private const string Provider = "{A1B2C3D4-0000-4000-8000-000000000001}";

    [Fact]
    public void MergedStore_FillsMissingPolicyManagerValue()
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1")
            .Value(RegistryPaths.MdmMergedStore, "AllowCloudProtection", 0)
            .Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.Mdm, maps.Source);
        Assert.Equal(MAPSReportingType.Disabled, maps.Value);
        Assert.Equal(Certainty.Unconfirmed, maps.Certainty);
    }

    [Fact]
    public void PolicyManager_WinsOverMergedStore()
    {
        ResolvedSetting maps = FactsBuilder.Live("PC1")
            .Mdm("AllowCloudProtection", 1)
            .Value(RegistryPaths.MdmMergedStore, "AllowCloudProtection", 0)
            .Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(MAPSReportingType.Advanced, maps.Value);
        Assert.Equal(Certainty.Confirmed, maps.Certainty);
    }

    [Fact]
    public void MissingMergedStoreFact_ChangesNothing()
    {
        // Snapshots written before the merged store was read lack its values; MDM must not become unknown.
        ResolvedSetting maps = FactsBuilder.Snapshot("PC1")
            .Missing(RegistryPaths.MdmMergedStore, "AllowCloudProtection")
            .Resolve(SettingCatalog.MAPSReporting);

        Assert.Equal(ConfigurationSource.Default, maps.Source);
    }

    [Fact]
    public void WinningProvider_NamedInDetail()
    {
        MachineFacts facts = FactsBuilder.Live("PC1").Mdm("AllowCloudProtection", 1).Build();
        facts.MdmWinningProviders["AllowCloudProtection"] = Provider;

        ResolvedSetting maps = StateResolver.Resolve(facts).GetSetting(SettingCatalog.MAPSReporting)!;

        Assert.Contains(Provider, maps.SourceDetail);
    }

    [Fact]
    public void WinningProviderWithoutValue_AddsConflictNote()
    {
        MachineFacts facts = FactsBuilder.Live("PC1").Build();
        facts.MdmWinningProviders["SubmitSamplesConsent"] = Provider;

        ResolvedSetting consent = StateResolver.Resolve(facts).GetSetting(SettingCatalog.SubmitSamplesConsent)!;

        Assert.Equal(ConfigurationSource.Default, consent.Source);
        Assert.Contains(consent.Notes, note => note.Contains("conflict") && note.Contains(Provider));
    }

    [Fact]
    public async Task Collector_ReadsWinningProviders()
    {
        MachineFacts source = FactsBuilder.Live("PC1").Mdm("AllowCloudProtection", 1).Observed("MAPSReporting", (byte)2).Build();
        source.MdmWinningProviders["AllowCloudProtection"] = Provider;

        MachineFacts read = await FactCollector.CollectAsync(new FactsCimHost(source), CancellationToken.None);

        Assert.Equal(Provider, read.MdmWinningProviders["AllowCloudProtection"]);
        Assert.Single(read.MdmWinningProviders);
    }

    [Fact]
    public void Snapshot_KeepsWinningProviders()
    {
        MachineFacts facts = FactsBuilder.Live("PC1").Build();
        facts.MdmWinningProviders["AllowCloudProtection"] = Provider;

        MachineFacts copy = SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(facts), "memory.json");

        Assert.Equal(Provider, copy.MdmWinningProviders["AllowCloudProtection"]);
    }

    [Fact]
    public void Snapshot_OmitsEmptyWinningProviders()
    {
        string json = SnapshotSerializer.Serialize(FactsBuilder.Live("PC1").Build());

        Assert.DoesNotContain("mdmWinningProviders", json);
    }
}
