using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Commands;

namespace CloudProtection.Jobs;

/// <summary>
/// The job -AsJob returns. The fan-out runs on a worker thread and its results go to the job's Output
/// and Error collections, which Receive-Job reads.
/// </summary>
internal sealed class LiveJob : Job
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _location;
    private int _failed;

    public LiveJob(string command, string activity, IEnumerable<string> computerNames)
        : base(command, activity)
    {
        PSJobTypeName = "CloudProtectionJob";
        _location = string.Join(", ", computerNames);
    }

    public override string StatusMessage => _failed == 0 ? string.Empty : $"{_failed} computers failed";

    public override bool HasMoreData => Output.Count > 0 || Error.Count > 0 || Warning.Count > 0 || Verbose.Count > 0;

    public override string Location => _location;

    public void Start<TResult>(Func<CancellationToken, IEnumerable<TResult>> run, Action<TResult, LiveCmdletBase.ILiveOutput> deliver)
    {
        SetJobState(JobState.Running);
        Task.Run(() =>
        {
            var output = new JobOutput(this);
            try
            {
                foreach (TResult result in run(_stopping.Token))
                {
                    deliver(result, output);
                }

                JobState final = JobState.Completed;
                if (_stopping.IsCancellationRequested)
                {
                    final = JobState.Stopped;
                }
                else if (_failed > 0)
                {
                    final = JobState.Failed;
                }

                Finish(final);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                Finish(JobState.Stopped);
            }
            catch (Exception exception)
            {
                Error.Add(new ErrorRecord(exception, "JobFailed", ErrorCategory.NotSpecified, Location));
                Finish(JobState.Failed);
            }
        });
    }

    // StopJob may have finished the job already; a finished job keeps its state.
    private void Finish(JobState state)
    {
        lock (_stopping)
        {
            if (JobStateInfo.State == JobState.Running)
            {
                SetJobState(state);
            }
        }
    }

    public override void StopJob()
    {
        _stopping.Cancel();
        Finish(JobState.Stopped);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class JobOutput : LiveCmdletBase.ILiveOutput
    {
        private readonly LiveJob _job;

        public JobOutput(LiveJob job)
        {
            _job = job;
        }

        public void WriteObject(object value) => _job.Output.Add(PSObject.AsPSObject(value));

        public void WriteError(ErrorRecord error) => _job.Error.Add(error);

        public void ComputerFailed() => Interlocked.Increment(ref _job._failed);

        public void WriteWarning(string message) => _job.Warning.Add(new WarningRecord(message));

        public void WriteVerbose(string message) => _job.Verbose.Add(new VerboseRecord(message));
    }
}
