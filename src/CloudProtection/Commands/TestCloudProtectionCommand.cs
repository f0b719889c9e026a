using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;
using CloudProtection.Compliance;
using CloudProtection.Facts;
using CloudProtection.Resolution;
using CloudProtection.Settings;
using CloudProtection.Snapshots;

namespace CloudProtection.Commands;

/// <summary>
/// Test-CloudProtection: whether machines have the expected cloud protection values, or, with none given,
/// whether cloud protection and Block at First Sight work. A difference a policy owns is reported with
/// that owner, so that DSC and other tools do not loop on a local fix that cannot win.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "CloudProtection", DefaultParameterSetName = ComputerNameSet)]
[OutputType(typeof(bool), typeof(ComplianceResult))]
public sealed class TestCloudProtectionCommand : LiveCmdletBase
{
    private const string SnapshotSet = "Snapshot";

    [Parameter(ParameterSetName = SnapshotSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[]? SnapshotPath { get; set; }

    [Parameter]
    [StrictEnumTransformation(typeof(MAPSReportingType))]
    public MAPSReportingType? MAPSReporting { get; set; }

    [Parameter]
    [StrictEnumTransformation(typeof(SubmitSamplesConsentType))]
    public SubmitSamplesConsentType? SubmitSamplesConsent { get; set; }

    [Parameter]
    [StrictEnumTransformation(typeof(CloudBlockLevelType))]
    public CloudBlockLevelType? CloudBlockLevel { get; set; }

    [Parameter]
    [ValidateRange(0, 50)]
    public uint? CloudExtendedTimeout { get; set; }

    [Parameter]
    public bool? DisableBlockAtFirstSeen { get; set; }

    [Parameter]
    public bool? DisableRealtimeMonitoring { get; set; }

    [Parameter]
    public bool? DisableIOAVProtection { get; set; }

    /// <summary>Returns a ComplianceResult per machine instead of a bool.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override string LiveActivity => "Testing cloud protection";

    protected override void ProcessRecord()
    {
        if (ParameterSetName != SnapshotSet)
        {
            CollectLiveTargets();
            return;
        }

        foreach (string path in SnapshotPath!.SelectMany(path => PathResolver.Resolve(this, path)))
        {
            MachineFacts facts;
            try
            {
                facts = SnapshotSerializer.Load(path);
            }
            catch (Exception exception) when (ErrorRecordFactory.IsPathInputError(exception))
            {
                WriteError(ErrorRecordFactory.ForPath(exception, path));
                continue;
            }

            Write(ComplianceEvaluator.Evaluate(StateResolver.Resolve(facts), Expected()), WriteObject, WriteVerbose);
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == SnapshotSet)
        {
            return;
        }

        var expected = Expected();
        RunLive(
            (operations, token) => EvaluateLiveAsync(operations, expected, token),
            (_, result, output) => Write(result, output.WriteObject, output.WriteVerbose));
    }

    // Defender missing or stopped makes cloud protection not applicable, which -Detailed reports as such.
    private async Task<ComplianceResult> EvaluateLiveAsync(ICimOperations operations, IReadOnlyList<(SettingDefinition Definition, uint Raw)> expected, CancellationToken cancellationToken)
    {
        try
        {
            MachineFacts facts = await FactCollector.CollectAsync(operations, cancellationToken).ConfigureAwait(false);
            return ComplianceEvaluator.Evaluate(StateResolver.Resolve(facts), expected);
        }
        catch (CimOperationException exception) when (Detailed && exception.Kind is CimFailureKind.DefenderUnavailable or CimFailureKind.NotFound)
        {
            var result = new ComplianceResult { ComputerName = operations.ComputerName, Status = ComplianceStatus.NotApplicable };
            result.Reasons.Add(exception.Message);
            return result;
        }
    }

    private void Write(ComplianceResult result, Action<object> writeObject, Action<string> writeVerbose)
    {
        foreach (string reason in result.Reasons)
        {
            writeVerbose($"{result.ComputerName}: {reason}");
        }

        writeObject(Detailed ? result : result.Compliant);
    }

    private IReadOnlyList<(SettingDefinition Definition, uint Raw)> Expected() =>
        SettingValueParameters.Collect(MAPSReporting, SubmitSamplesConsent, CloudBlockLevel, CloudExtendedTimeout, DisableBlockAtFirstSeen, DisableRealtimeMonitoring, DisableIOAVProtection);
}
