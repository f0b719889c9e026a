using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CloudProtection.Cim;
using CloudProtection.Facts;
using CloudProtection.PolicyFiles;
using CloudProtection.Resolution;
using CloudProtection.Snapshots;

namespace CloudProtection.Commands;

/// <summary>
/// Get-CloudProtectionState: the effective cloud protection settings of a machine, the channel that won
/// for each, and every value that lost, from a live computer, a snapshot file or Group Policy files.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CloudProtectionState", DefaultParameterSetName = ComputerNameSet)]
[OutputType(typeof(CloudProtectionState))]
public sealed class GetCloudProtectionStateCommand : LiveCmdletBase
{
    private const string SnapshotSet = "Snapshot";
    private const string GroupPolicySet = "GroupPolicy";

    /// <summary>Snapshot files written by Export-CloudProtectionSnapshot.</summary>
    [Parameter(ParameterSetName = SnapshotSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[]? SnapshotPath { get; set; }

    /// <summary>registry.pol files or GPMC backup folders, applied in the order given: a later one wins.</summary>
    [Parameter(ParameterSetName = GroupPolicySet, Mandatory = true)]
    [Parameter(ParameterSetName = SnapshotSet)]
    [ValidateNotNullOrEmpty]
    public string[]? GroupPolicyPath { get; set; }

    protected override string LiveActivity => "Reading cloud protection state";

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case SnapshotSet:
                foreach (string path in SnapshotPath!.SelectMany(path => PathResolver.Resolve(this, path)))
                {
                    ReadSnapshot(path);
                }

                break;
            case GroupPolicySet:
                ReadGroupPolicyOnly();
                break;
            default:
                CollectLiveTargets();
                break;
        }
    }

    protected override void EndProcessing()
    {
        if (!IsLiveParameterSet)
        {
            return;
        }

        RunLive(
            async (operations, cancellationToken) => StateResolver.Resolve(await FactCollector.CollectAsync(operations, cancellationToken).ConfigureAwait(false)),
            (target, state, output) =>
            {
                output.WriteVerbose($"{target.ComputerName}: read {state.Settings.Count} settings.");
                output.WriteObject(state);
            });
    }

    private void ReadSnapshot(string path)
    {
        MachineFacts facts;
        try
        {
            WriteVerbose($"Reading snapshot '{path}'.");
            facts = SnapshotSerializer.Load(path);
        }
        catch (Exception exception) when (IsInputError(exception))
        {
            WriteError(ErrorRecordFactory.ForPath(exception, path));
            return;
        }

        if (GroupPolicyPath is not null && !ApplyGroupPolicy(facts))
        {
            return;
        }

        WriteObject(StateResolver.Resolve(facts));
    }

    private void ReadGroupPolicyOnly()
    {
        var facts = new MachineFacts("(Group Policy)", FactOrigin.GroupPolicyFile);
        if (ApplyGroupPolicy(facts))
        {
            WriteObject(StateResolver.Resolve(facts));
        }
    }

    // Applies every -GroupPolicyPath in order and adds the resolved paths to facts.SourcePath. Returns false
    // after writing an error for a path that cannot be read.
    private bool ApplyGroupPolicy(MachineFacts facts)
    {
        var sources = new List<GroupPolicySource>();
        var resolvedPaths = new List<string>();
        foreach (string path in GroupPolicyPath!.SelectMany(path => PathResolver.Resolve(this, path)))
        {
            resolvedPaths.Add(path);
            try
            {
                WriteVerbose($"Reading Group Policy '{path}'.");
                var warnings = new List<string>();
                IReadOnlyList<GroupPolicySource> loaded = GroupPolicyFileLoader.Load(path, warnings);
                warnings.ForEach(WriteWarning);
                foreach (GroupPolicySource source in loaded)
                {
                    WriteVerbose($"Applying {source.DisplayName ?? source.SourcePath}.");
                }

                sources.AddRange(loaded);
            }
            catch (Exception exception) when (IsInputError(exception))
            {
                WriteError(ErrorRecordFactory.ForPath(exception, path));
                return false;
            }
        }

        string policyPaths = string.Join("; ", resolvedPaths);
        if (facts.Origin == FactOrigin.Snapshot)
        {
            facts.Origin = FactOrigin.SnapshotWithGroupPolicy;
            facts.SourcePath += "; " + policyPaths;
        }
        else
        {
            facts.SourcePath = policyPaths;
        }

        GroupPolicyApplier.Apply(facts, sources);
        return true;
    }

    private static bool IsInputError(Exception exception) =>
        exception is System.IO.IOException or UnauthorizedAccessException or SnapshotFormatException or PolicyFileFormatException or Json.JsonFormatException;
}
