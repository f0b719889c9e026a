using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using CloudProtection.Changes;
using CloudProtection.Cim;
using CloudProtection.Facts;
using CloudProtection.Simulation;
using CloudProtection.Snapshots;

namespace CloudProtection.Commands;

/// <summary>
/// The flow every write cmdlet shares: read and plan, confirm with ShouldProcess on the pipeline thread,
/// write only what differs in one call per machine, read again, and report each setting's outcome.
/// </summary>
public abstract class ChangeCmdletBase : LiveCmdletBase
{
    protected const string SnapshotSet = "Snapshot";

    private readonly List<string> _snapshotPaths = new();

    /// <summary>Snapshot files to change instead of a live machine: a rehearsal on a copy of a real machine.</summary>
    [Parameter(ParameterSetName = SnapshotSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[]? SnapshotPath { get; set; }

    /// <summary>Writes local values even where a policy owns the setting; they stay shadowed until the policy goes.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Returns one ChangeResult per machine.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Builds the request from the cmdlet's parameters; may throw a terminating error for a bad combination.</summary>
    protected abstract ChangeRequest BuildRequest();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == SnapshotSet)
        {
            _snapshotPaths.AddRange(SnapshotPath!.SelectMany(path => PathResolver.Resolve(this, path)));
            return;
        }

        CollectLiveTargets();
    }

    protected override void EndProcessing()
    {
        ChangeRequest request = BuildRequest();
        request.Force = Force;
        if (request.IsEmpty)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("No setting to change. Name at least one setting parameter, such as -MAPSReporting Advanced."),
                "NoSettingRequested",
                ErrorCategory.InvalidArgument,
                null));
        }

        WriteVerbose($"Requested: {request}.");
        if (ParameterSetName == SnapshotSet)
        {
            foreach (string path in _snapshotPaths)
            {
                ChangeSnapshot(path, request);
            }

            return;
        }

        if (AsJob)
        {
            RunAsJob(request);
            return;
        }

        // Read and plan every machine first, so that ShouldProcess can name each old and new value.
        var plans = new Dictionary<LiveTarget, ChangeResult>();
        int failed = RunLive(Targets, (_, operations, token) => PlanOnly(operations, request, token), (target, plan, _) => plans[target] = plan, summarize: false);

        var approved = new List<LiveTarget>();
        foreach (KeyValuePair<LiveTarget, ChangeResult> pair in plans)
        {
            if (Confirm(pair.Value, pair.Key.ComputerName))
            {
                approved.Add(pair.Key);
            }
            else
            {
                Report(pair.Value, new PipelineOutput(this));
            }
        }

        if (approved.Count > 0)
        {
            failed += RunLive(approved, (target, operations, token) => ChangeExecutor.ApplyAsync(operations, plans[target], token), (_, result, output) => Report(result, output), summarize: false);
        }

        WriteChangeSummary(Targets.Count, failed);
    }

    private static async System.Threading.Tasks.Task<ChangeResult> PlanOnly(ICimOperations operations, ChangeRequest request, CancellationToken cancellationToken) =>
        (await ChangeExecutor.PlanAsync(operations, request, cancellationToken).ConfigureAwait(false)).Plan;

    private void RunAsJob(ChangeRequest request)
    {
        // A job cannot ask for confirmation, so each computer is confirmed now with the request itself.
        LiveTarget[] approved = Targets.Where(target => ShouldProcess(target.ComputerName, $"{ActionVerb} {request} (as a background job)")).ToArray();
        if (approved.Length == 0)
        {
            return;
        }

        RunLive(
            approved,
            async (_, operations, token) =>
            {
                ChangeResult plan = await PlanOnly(operations, request, token).ConfigureAwait(false);
                return await ChangeExecutor.ApplyAsync(operations, plan, token).ConfigureAwait(false);
            },
            (_, result, output) => Report(result, output),
            summarize: true);
    }

    /// <summary>The verb for ShouldProcess actions, such as "Set" or "Reset".</summary>
    protected virtual string ActionVerb => "Set";

    private void ChangeSnapshot(string path, ChangeRequest request)
    {
        MachineFacts facts;
        try
        {
            facts = SnapshotSerializer.Load(path);
        }
        catch (Exception exception) when (ErrorRecordFactory.IsPathInputError(exception))
        {
            WriteError(ErrorRecordFactory.ForPath(exception, path));
            return;
        }

        // The snapshot becomes a simulated Defender host, so the rehearsal runs the same plan, write and verify code as a live machine.
        var host = new FactsCimHost(facts);
        ChangeResult plan;
        try
        {
            plan = PlanOnly(host, request, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (CimOperationException exception)
        {
            WriteError(new ErrorRecord(exception, ErrorRecordFactory.IdOf(exception.Kind), ErrorRecordFactory.CategoryOf(exception.Kind), path));
            return;
        }

        plan.SnapshotPath = path;
        if (Confirm(plan, $"{facts.ComputerName} (snapshot '{path}')"))
        {
            plan = ChangeExecutor.ApplyAsync(host, plan, CancellationToken.None).GetAwaiter().GetResult();
            if (host.WriteCount > 0)
            {
                SnapshotSerializer.Save(host.Facts, path);
                WriteVerbose($"Saved the changed snapshot '{path}'.");
            }
        }

        Report(plan, new PipelineOutput(this));
    }

    // One ShouldProcess per machine, naming every setting with its old and new value.
    private bool Confirm(ChangeResult plan, string target)
    {
        SettingChange[] planned = plan.Settings.Where(setting => setting.Planned).ToArray();
        if (planned.Length == 0)
        {
            return false;
        }

        string action = $"{ActionVerb} " + string.Join("; ", planned.Select(setting => setting.IsReset
            ? $"{setting.Name}: remove local {setting.LocalBefore}"
            : $"{setting.Name}: {setting.LocalBefore?.ToString() ?? "(not set)"} -> {setting.Requested}"));
        if (ShouldProcess(target, action))
        {
            return true;
        }

        foreach (SettingChange setting in planned)
        {
            setting.Outcome = ChangeOutcome.NotWritten;
            setting.Message = $"{setting.Name}: not written (-WhatIf or declined).";
        }

        return false;
    }

    // Counts computers whose results are in but with a setting that did not end as requested.
    private int _notApplied;

    private void WriteChangeSummary(int total, int failed)
    {
        int asRequested = total - failed - _notApplied;
        string summary = $"{LiveActivity}: {asRequested} of {total} computers as requested, {_notApplied} with settings not applied, {failed} failed.";
        if (failed + _notApplied > 0)
        {
            WriteWarning(summary + " Each problem has its own error record.");
        }
        else
        {
            WriteVerbose(summary);
        }
    }

    private void Report(ChangeResult result, ILiveOutput output)
    {
        // -WhatIf and declined prompts are the caller's choice, not a problem to count.
        if (result.Settings.Any(setting => setting.Outcome is not (ChangeOutcome.Applied or ChangeOutcome.NoChange or ChangeOutcome.Reset or ChangeOutcome.NotWritten)))
        {
            Interlocked.Increment(ref _notApplied);
        }

        string target = result.SnapshotPath ?? result.ComputerName;
        foreach (string warning in result.Warnings)
        {
            output.WriteWarning($"{result.ComputerName}: {warning}");
        }

        foreach (SettingChange setting in result.Settings)
        {
            string message = $"{result.ComputerName}: {setting.Message}";
            switch (setting.Outcome)
            {
                case ChangeOutcome.Applied or ChangeOutcome.NoChange or ChangeOutcome.Reset or ChangeOutcome.NotWritten:
                    output.WriteVerbose(message);
                    break;
                case ChangeOutcome.BlockedByTamperProtection:
                    output.WriteError(new ErrorRecord(new InvalidOperationException(message), "BlockedByTamperProtection", ErrorCategory.SecurityError, target));
                    break;
                case ChangeOutcome.Failed:
                    string code = result.ErrorCode is null ? string.Empty : $" (HRESULT {result.ErrorCode})";
                    output.WriteError(new ErrorRecord(new InvalidOperationException(message + code), "ChangeFailed", ErrorCategory.WriteError, target));
                    break;
                default:
                    if (Force)
                    {
                        output.WriteWarning(message);
                    }
                    else
                    {
                        output.WriteError(new ErrorRecord(new InvalidOperationException(message), "SettingShadowed", ErrorCategory.InvalidOperation, target));
                    }

                    break;
            }
        }

        if (PassThru)
        {
            output.WriteObject(result);
        }
    }
}
