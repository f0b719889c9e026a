using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;
using CloudProtection.Facts;
using CloudProtection.Resolution;
using CloudProtection.Settings;
using Xunit;

namespace CloudProtection.Tests.Cim;

/// <summary>FactCollector.CollectAsync against a simulated host.</summary>
public class FactCollectorTests
{
    private static readonly string PolicySpynet = RegistryPaths.Combine(RegistryPaths.PolicyRoot, "Spynet");

    private static Task<MachineFacts> CollectAsync(FakeCimOperations host) =>
        FactCollector.CollectAsync(host, CancellationToken.None);

    [Theory]
    [InlineData(CimNames.ErrorSuccess, RegistryValueState.Present)]
    [InlineData(CimNames.ErrorFileNotFound, RegistryValueState.Absent)]
    [InlineData(CimNames.ErrorAccessDenied, RegistryValueState.Unreadable)]
    [InlineData(CimNames.WbemTypeMismatch, RegistryValueState.WrongType)]
    [InlineData(0x80041001u, RegistryValueState.Unreadable)]
    public async Task ReturnValue_MapsToState(uint returnValue, RegistryValueState expected)
    {
        var host = new FakeCimOperations("PC1");
        host.SetRegistryResult(PolicySpynet, "SpynetReporting", returnValue, returnValue == CimNames.ErrorSuccess ? 0u : null);

        MachineFacts facts = await CollectAsync(host);
        RegistryValueFact? fact = facts.FindRegistryValue(PolicySpynet, "SpynetReporting");

        Assert.NotNull(fact);
        Assert.Equal(expected, fact!.State);
    }

    [Fact]
    public async Task ReturnValueZero_KeepsValue()
    {
        var host = new FakeCimOperations("PC1");
        host.SetRegistryResult(PolicySpynet, "SpynetReporting", CimNames.ErrorSuccess, 0);

        MachineFacts facts = await CollectAsync(host);
        RegistryValueFact fact = facts.FindRegistryValue(PolicySpynet, "SpynetReporting")!;

        Assert.Equal(0u, fact.Value);
    }

    [Fact]
    public async Task AccessDenied_RecordsError()
    {
        var host = new FakeCimOperations("PC1");
        host.SetRegistryResult(PolicySpynet, "SpynetReporting", CimNames.ErrorAccessDenied);

        MachineFacts facts = await CollectAsync(host);
        RegistryValueFact fact = facts.FindRegistryValue(PolicySpynet, "SpynetReporting")!;

        Assert.Contains("access denied", fact.Error);
        Assert.Null(fact.Value);
    }

    [Fact]
    public async Task SuccessWithoutValue_Unreadable()
    {
        var host = new FakeCimOperations("PC1");
        host.SetRegistryResult(PolicySpynet, "SpynetReporting", CimNames.ErrorSuccess);

        MachineFacts facts = await CollectAsync(host);

        Assert.Equal(RegistryValueState.Unreadable, facts.FindRegistryValue(PolicySpynet, "SpynetReporting")!.State);
    }

    [Fact]
    public async Task RegistryCallFails_Unreadable()
    {
        var host = new FakeCimOperations("PC1");
        host.SetRegistryFailure(PolicySpynet, "SpynetReporting", new CimOperationException("PC1", CimFailureKind.Timeout, "The operation timed out."));

        MachineFacts facts = await CollectAsync(host);
        RegistryValueFact fact = facts.FindRegistryValue(PolicySpynet, "SpynetReporting")!;

        Assert.Equal(RegistryValueState.Unreadable, fact.State);
        Assert.Contains("timed out", fact.Error);
    }

    [Fact]
    public async Task Collect_ReadsEveryCatalogValue()
    {
        var host = new FakeCimOperations("PC1");

        MachineFacts facts = await CollectAsync(host);

        Assert.All(SettingCatalog.RegistryValuesToRead(), value => Assert.NotNull(facts.FindRegistryValue(value.Key, value.ValueName)));
        Assert.Equal(FactOrigin.Live, facts.Origin);
        Assert.Equal("PC1", facts.ComputerName);
        Assert.NotNull(facts.CapturedAt);
    }

    [Fact]
    public async Task PreferenceFails_Throws()
    {
        var host = new FakeCimOperations("PC1")
        {
            PreferenceFailure = new CimOperationException("PC1", CimFailureKind.DefenderUnavailable, "Defender is not running.", CimOperationException.DefenderUnavailableHResult),
        };

        CimOperationException failure = await Assert.ThrowsAsync<CimOperationException>(() => CollectAsync(host));

        Assert.Equal(CimFailureKind.DefenderUnavailable, failure.Kind);
        Assert.Equal("0x800106BA", failure.ErrorCodeText);
    }

    [Fact]
    public async Task PreferenceEmpty_ThrowsDefenderUnavailable()
    {
        var host = new FakeCimOperations("PC1");
        host.PreferenceInstances.Clear();

        CimOperationException failure = await Assert.ThrowsAsync<CimOperationException>(() => CollectAsync(host));

        Assert.Equal(CimFailureKind.DefenderUnavailable, failure.Kind);
        Assert.Equal("PC1", failure.ComputerName);
    }

    [Fact]
    public async Task Preference_CapturesWritableProperties()
    {
        var host = new FakeCimOperations("PC1");
        host.PreferenceInstances[0]["MAPSReporting"] = (byte)2;
        host.PreferenceInstances[0]["DisableRealtimeMonitoring"] = false;
        host.PreferenceInstances[0]["ExclusionPath"] = new[] { @"C:\Temp" };

        MachineFacts facts = await CollectAsync(host);

        Assert.Equal(FactStatus.Read, facts.PreferenceStatus);
        Assert.Equal((byte)2, facts.Preference["MAPSReporting"]);
        Assert.Equal(false, facts.Preference["DisableRealtimeMonitoring"]);
        Assert.False(facts.Preference.ContainsKey("ExclusionPath"));
    }

    [Fact]
    public async Task ComputerStatus_Copied()
    {
        var host = new FakeCimOperations("PC1");
        host.ComputerStatusInstances[0]["IsTamperProtected"] = true;
        host.ComputerStatusInstances[0]["AMRunningMode"] = "Passive";

        MachineFacts facts = await CollectAsync(host);

        Assert.Equal(FactStatus.Read, facts.ComputerStatusStatus);
        Assert.Equal(true, facts.ComputerStatus.IsTamperProtected);
        Assert.True(facts.ComputerStatus.IsPassive);
    }

    [Fact]
    public async Task ComputerStatusFails_RecordedNotThrown()
    {
        var host = new FakeCimOperations("PC1")
        {
            ComputerStatusFailure = new CimOperationException("PC1", CimFailureKind.ProviderFailure, "Provider load failure."),
        };

        MachineFacts facts = await CollectAsync(host);

        Assert.Equal(FactStatus.Failed, facts.ComputerStatusStatus);
        Assert.Contains("Provider load failure", facts.ComputerStatusError);
    }

    [Fact]
    public async Task RsopFails_StatusFailed()
    {
        var host = new FakeCimOperations("PC1")
        {
            RsopSettingFailure = new CimOperationException("PC1", CimFailureKind.NotFound, "Invalid namespace root/rsop/computer.", CimOperationException.WbemInvalidNamespace),
        };

        MachineFacts facts = await CollectAsync(host);

        Assert.Equal(FactStatus.Failed, facts.PolicyRecordStatus);
        Assert.Contains("Invalid namespace", facts.PolicyRecordError);
        Assert.Empty(facts.PolicyRecords);
    }

    [Fact]
    public async Task RsopRows_JoinedToGpoNames()
    {
        const string gpoPath = "cn={6AC1786C-016F-11D2-945F-00C04FB984F9},cn=policies,cn=system,DC=contoso,DC=com";
        var host = new FakeCimOperations("PC1");
        host.RsopGpoRows.Add(new CimRecord { ["id"] = gpoPath, ["name"] = "Contoso Baseline", ["guidName"] = "{6AC1786C-016F-11D2-945F-00C04FB984F9}" });
        host.RsopSettingRows.Add(new CimRecord { ["registryKey"] = PolicySpynet, ["valueName"] = "SpynetReporting", ["GPOID"] = gpoPath, ["precedence"] = 1u });

        MachineFacts facts = await CollectAsync(host);
        PolicyRecord? record = facts.FindPolicyRecord(PolicySpynet, "SpynetReporting");

        Assert.Equal(FactStatus.Read, facts.PolicyRecordStatus);
        Assert.NotNull(record);
        Assert.Equal("Contoso Baseline", record!.GpoName);
        Assert.Equal("{6AC1786C-016F-11D2-945F-00C04FB984F9}", record.GpoId);
        Assert.Null(record.SourcePath);
    }

    // A row with precedence above 1 comes from a GPO that lost to another one for the same value.
    [Fact]
    public async Task RsopLosingRows_Skipped()
    {
        var host = new FakeCimOperations("PC1");
        host.RsopGpoRows.Add(new CimRecord { ["id"] = "winner", ["name"] = "Contoso Baseline" });
        host.RsopGpoRows.Add(new CimRecord { ["id"] = "loser", ["name"] = "Old Baseline" });
        host.RsopSettingRows.Add(new CimRecord { ["registryKey"] = PolicySpynet, ["valueName"] = "SpynetReporting", ["GPOID"] = "loser", ["precedence"] = 2u });
        host.RsopSettingRows.Add(new CimRecord { ["registryKey"] = PolicySpynet, ["valueName"] = "SpynetReporting", ["GPOID"] = "winner", ["precedence"] = 1u });

        MachineFacts facts = await CollectAsync(host);

        Assert.Single(facts.PolicyRecords);
        Assert.Equal("Contoso Baseline", facts.PolicyRecords[0].GpoName);
    }

    [Fact]
    public async Task RsopGpoFails_KeepsRowsWithoutNames()
    {
        var host = new FakeCimOperations("PC1")
        {
            RsopGpoFailure = new CimOperationException("PC1", CimFailureKind.AccessDenied, "Access denied."),
        };
        host.RsopSettingRows.Add(new CimRecord { ["registryKey"] = PolicySpynet, ["valueName"] = "SpynetReporting", ["GPOID"] = "some-gpo", ["precedence"] = 1u });

        MachineFacts facts = await CollectAsync(host);
        PolicyRecord record = facts.PolicyRecords.Single();

        Assert.Equal(FactStatus.Read, facts.PolicyRecordStatus);
        Assert.Null(record.GpoName);
        Assert.Equal("some-gpo", record.GpoId);
    }

    [Fact]
    public async Task RsopQuery_TargetsDefenderKeys()
    {
        var host = new FakeCimOperations("PC1");

        await CollectAsync(host);

        string query = Assert.Single(host.Queries);
        Assert.Contains("RSOP_RegistryPolicySetting", query);
        Assert.Contains("Windows Defender", query);
    }

    // The collected facts, resolved, name the GPO: the whole path from CIM to the winning source.
    [Fact]
    public async Task CollectedFacts_ResolveToGpo()
    {
        const string gpoPath = "cn={6AC1786C-016F-11D2-945F-00C04FB984F9},cn=policies";
        var host = new FakeCimOperations("PC1");
        host.SetRegistryResult(PolicySpynet, "SpynetReporting", CimNames.ErrorSuccess, 0);
        host.SetRegistryResult(RegistryPaths.Combine(RegistryPaths.LocalRoot, "Spynet"), "SpyNetReporting", CimNames.ErrorSuccess, 2);
        host.RsopGpoRows.Add(new CimRecord { ["id"] = gpoPath, ["name"] = "Contoso Baseline" });
        host.RsopSettingRows.Add(new CimRecord { ["registryKey"] = @"Software\Policies\Microsoft\Windows Defender\Spynet", ["valueName"] = "SpynetReporting", ["GPOID"] = gpoPath, ["precedence"] = 1u });
        host.PreferenceInstances[0]["MAPSReporting"] = (byte)0;

        ResolvedSetting maps = StateResolver.Resolve(await CollectAsync(host)).GetSetting(SettingCatalog.MAPSReporting)!;

        Assert.Equal(ConfigurationSource.GroupPolicy, maps.Source);
        Assert.Contains("Contoso Baseline", maps.SourceDetail);
        Assert.Equal(MAPSReportingType.Disabled, maps.Value);
        Assert.Equal(false, maps.Mismatch);
        Assert.Equal(Certainty.Confirmed, maps.Certainty);
    }

    [Fact]
    public async Task Canceled_Throws()
    {
        var host = new FakeCimOperations("PC1");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FactCollector.CollectAsync(host, cancellation.Token));
    }
}
