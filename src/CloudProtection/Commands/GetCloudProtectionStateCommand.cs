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
        catch (Exception exception) when (ErrorRecordFactory.IsPathInputError(exception))
        {
            WriteError(ErrorRecordFactory.ForPath(exception, path));
            return;
        }

        IReadOnlyList<string> conflicts = Array.Empty<string>();
        if (GroupPolicyPath is not null)
        {
            IReadOnlyList<string>? applied = ApplyGroupPolicy(facts);
            if (applied is null)
            {
                return;
            }

            conflicts = applied;
        }

        WriteState(facts, conflicts);
    }

    private void ReadGroupPolicyOnly()
    {
        var facts = new MachineFacts("(Group Policy)", FactOrigin.GroupPolicyFile);
        IReadOnlyList<string>? conflicts = ApplyGroupPolicy(facts);
        if (conflicts is not null)
        {
            WriteState(facts, conflicts);
        }
    }

    // Applies every -GroupPolicyPath in order and returns the values a later source overrode. Returns
    // null after writing an error for a path that cannot be read.
    private IReadOnlyList<string>? ApplyGroupPolicy(MachineFacts facts)
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
            catch (Exception exception) when (ErrorRecordFactory.IsPathInputError(exception))
            {
                WriteError(ErrorRecordFactory.ForPath(exception, path));
                return null;
            }
        }

        // A machine built from Group Policy alone is named after its GPOs, which is what the table shows.
        if (facts.Origin == FactOrigin.GroupPolicyFile)
        {
            facts.ComputerName = "(Group Policy: " + string.Join(", ", sources.Select(source => source.DisplayName ?? System.IO.Path.GetFileName(source.SourcePath))) + ")";
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
        IReadOnlyList<string> conflicts = GroupPolicyConflicts.Find(sources);
        foreach (string conflict in conflicts)
        {
            WriteWarning(conflict);
        }

        return conflicts;
    }

    private void WriteState(MachineFacts facts, IReadOnlyList<string> conflicts)
    {
        CloudProtectionState state = StateResolver.Resolve(facts);
        state.Warnings.AddRange(conflicts);
        WriteObject(state);
    }
}
