using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;
using CloudProtection.FanOut;
using CloudProtection.Jobs;

namespace CloudProtection.Commands;

/// <summary>
/// The parameters and fan-out shared by every cmdlet that talks to live computers: -ComputerName,
/// -CimSession, -Credential, -Protocol, -OperationTimeoutSec, -ThrottleLimit and -AsJob, named and
/// typed as in the Defender module.
/// </summary>
public abstract class LiveCmdletBase : PSCmdlet
{
    protected const string ComputerNameSet = "ComputerName";
    protected const string CimSessionSet = "CimSession";

    private readonly List<LiveTarget> _targets = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The computers to work on; the local computer when omitted.</summary>
    [Parameter(ParameterSetName = ComputerNameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("CN", "DNSHostName", "PSComputerName")]
    [ValidateNotNullOrEmpty]
    public string[]? ComputerName { get; set; }

    [Parameter(ParameterSetName = ComputerNameSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    [Parameter(ParameterSetName = ComputerNameSet)]
    public CimProtocol Protocol { get; set; } = CimProtocol.Wsman;

    /// <summary>CimSession objects from New-CimSession or Get-CimSession.</summary>
    [Parameter(ParameterSetName = CimSessionSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [CimSessionTransformation]
    public object[]? CimSession { get; set; }

    /// <summary>Seconds each computer may take in all; 0 waits as long as CIM does.</summary>
    [Parameter(ParameterSetName = ComputerNameSet)]
    [Parameter(ParameterSetName = CimSessionSet)]
    [Alias("OT")]
    public uint OperationTimeoutSec { get; set; }

    [Parameter(ParameterSetName = ComputerNameSet)]
    [Parameter(ParameterSetName = CimSessionSet)]
    [ValidateRange(FanOutLimits.MinimumThrottleLimit, FanOutLimits.MaximumThrottleLimit)]
    public int ThrottleLimit { get; set; } = FanOutLimits.DefaultThrottleLimit;

    [Parameter(ParameterSetName = ComputerNameSet)]
    [Parameter(ParameterSetName = CimSessionSet)]
    public SwitchParameter AsJob { get; set; }

    /// <summary>Whether the current parameter set talks to live computers.</summary>
    protected bool IsLiveParameterSet => ParameterSetName is ComputerNameSet or CimSessionSet;

    /// <summary>The verb phrase for progress and the job, such as "Reading cloud protection state".</summary>
    protected abstract string LiveActivity { get; }

    /// <summary>Collects the targets of one pipeline input; the work starts in EndProcessing with all of them.</summary>
    protected void CollectLiveTargets()
    {
        if (ParameterSetName == CimSessionSet)
        {
            foreach (object session in CimSession ?? Array.Empty<object>())
            {
                string name = (session.GetType().GetProperty("ComputerName")?.GetValue(session) as string) ?? "localhost";
                _targets.Add(new LiveTarget(name, session));
            }

            return;
        }

        string[] names = ComputerName is { Length: > 0 } ? ComputerName : new[] { "localhost" };
        foreach (string name in names)
        {
            _targets.Add(new LiveTarget(name.Trim(), null));
        }
    }

    /// <summary>The computers collected from every pipeline input, without duplicates.</summary>
    private protected IReadOnlyList<LiveTarget> Targets =>
        _targets.GroupBy(target => target.Session ?? (object)target.ComputerName.ToUpperInvariant()).Select(group => group.First()).ToArray();

    /// <summary>Runs <paramref name="work"/> on every collected target; see the other overload.</summary>
    private protected void RunLive<TResult>(Func<ICimOperations, CancellationToken, Task<TResult>> work, Action<LiveTarget, TResult, ILiveOutput> write) =>
        RunLive(Targets, (_, operations, cancellationToken) => work(operations, cancellationToken), write, summarize: true);

    /// <summary>
    /// Runs <paramref name="work"/> on the targets with bounded concurrency and hands each result to
    /// <paramref name="write"/> on the pipeline thread, or starts a job with -AsJob. Returns the number of
    /// computers that failed; with <paramref name="summarize"/> it also writes the summary.
    /// </summary>
    private protected int RunLive<TResult>(IReadOnlyList<LiveTarget> targets, Func<LiveTarget, ICimOperations, CancellationToken, Task<TResult>> work, Action<LiveTarget, TResult, ILiveOutput> write, bool summarize)
    {
        ICimConnector? connector = CreateConnector();
        TimeSpan? timeout = OperationTimeoutSec > 0 ? TimeSpan.FromSeconds(OperationTimeoutSec) : null;

        async Task<TResult> RunOne(LiveTarget target, CancellationToken cancellationToken)
        {
            using ICimOperations operations = target.Session is null
                ? await connector!.ConnectAsync(target.ComputerName, cancellationToken).ConfigureAwait(false)
                : LiveAccess.WrapSession(target.Session, timeout);
            return await work(target, operations, cancellationToken).ConfigureAwait(false);
        }

        var engine = new FanOutEngine(ThrottleLimit, timeout);
        if (AsJob)
        {
            var job = new LiveJob(MyInvocation.Line, LiveActivity, targets.Select(target => target.ComputerName));
            job.Start(token => engine.Run(targets, RunOne, token), (result, output) => Deliver(result, write, output));
            JobRepository.Add(job);
            WriteObject(job);
            return 0;
        }

        var output = new PipelineOutput(this);
        string status = "Starting";
        DateTime lastProgress = DateTime.MinValue;
        IEnumerator<FanOutResult<LiveTarget, TResult>> results = engine.Run(targets, RunOne, _stopping.Token).GetEnumerator();
        int done = 0;
        while (MoveNext(results))
        {
            FanOutResult<LiveTarget, TResult> result = results.Current;
            Deliver(result, write, output);

            // Counted here, not from the engine, so the status matches what the pipeline has received.
            done++;
            if (DateTime.UtcNow - lastProgress > TimeSpan.FromMilliseconds(100) || done == targets.Count)
            {
                lastProgress = DateTime.UtcNow;
                status = $"{done} of {targets.Count} computers done, {output.FailedCount} failed";

                // A new record per call: hosts such as PowerShell.Streams.Progress keep the object, so
                // changing a written record would rewrite the progress already reported.
                WriteProgress(new ProgressRecord(1, LiveActivity, status)
                {
                    PercentComplete = targets.Count == 0 ? 100 : (int)(100L * done / targets.Count),
                    CurrentOperation = result.Target.ComputerName,
                });
            }
        }

        WriteProgress(new ProgressRecord(1, LiveActivity, status) { PercentComplete = 100, RecordType = ProgressRecordType.Completed });
        if (summarize)
        {
            WriteSummary(targets.Count, output.FailedCount);
        }

        return output.FailedCount;
    }

    protected override void StopProcessing() => _stopping.Cancel();

    // The engine throws OperationCanceledException when Ctrl+C cancels the run; PowerShell itself then
    // stops the pipeline, so the cmdlet only has to stop reading.
    private bool MoveNext<T>(IEnumerator<T> results)
    {
        try
        {
            return results.MoveNext();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private ICimConnector? CreateConnector()
    {
        if (TestHooks.Connector is not null)
        {
            return TestHooks.Connector;
        }

        try
        {
            if (ParameterSetName == CimSessionSet)
            {
                // Sessions are wrapped one by one, but the platform check must come first and once.
                if (!LiveAccess.IsSupported)
                {
                    throw LiveAccess.PlatformError();
                }

                return null;
            }

            var options = new LiveConnectionOptions
            {
                Protocol = Protocol,
                OperationTimeout = OperationTimeoutSec > 0 ? TimeSpan.FromSeconds(OperationTimeoutSec) : null,
            };
            if (Credential is not null)
            {
                System.Net.NetworkCredential network = Credential.GetNetworkCredential();
                options.Credential = new NetworkCredentialParts(string.IsNullOrEmpty(network.Domain) ? null : network.Domain, network.UserName, Credential.Password);
            }

            return LiveAccess.CreateConnector(options);
        }
        catch (CimOperationException exception) when (exception.Kind == CimFailureKind.PlatformNotSupported)
        {
            // One clear error for the whole call: every computer would fail the same way.
            ThrowTerminatingError(new ErrorRecord(exception, ErrorRecordFactory.IdOf(exception.Kind), ErrorRecordFactory.CategoryOf(exception.Kind), null));
            return null;
        }
    }

    private static void Deliver<TResult>(FanOutResult<LiveTarget, TResult> result, Action<LiveTarget, TResult, ILiveOutput> write, ILiveOutput output)
    {
        if (result.Succeeded)
        {
            write(result.Target, result.Value!, output);
            return;
        }

        Exception error = result.Exception is TimeoutException timeout
            ? new CimOperationException(result.Target.ComputerName, CimFailureKind.Timeout, timeout.Message + " " + CimOperationException.Advice(CimFailureKind.Timeout), innerException: timeout)
            : result.Exception!;
        output.ComputerFailed();
        output.WriteError(ErrorRecordFactory.ForComputer(error, result.Target.ComputerName));
    }

    /// <summary>Writes how many computers succeeded, as a warning when any failed.</summary>
    private protected void WriteSummary(int total, int failed)
    {
        string summary = $"{LiveActivity}: {total - failed} of {total} computers succeeded, {failed} failed.";
        if (failed > 0)
        {
            WriteWarning(summary + " Each failed computer has its own error record with the computer name as TargetObject.");
        }
        else
        {
            WriteVerbose(summary);
        }
    }

    /// <summary>The output streams a live result goes to: the pipeline, or a job's collections.</summary>
    internal interface ILiveOutput
    {
        void WriteObject(object value);

        void WriteError(ErrorRecord error);

        void WriteWarning(string message);

        void WriteVerbose(string message);

        /// <summary>Counts a computer whose work failed; errors about single settings do not count.</summary>
        void ComputerFailed();
    }

    /// <summary>Writes live results straight to the pipeline and counts the failed computers.</summary>
    private protected sealed class PipelineOutput : ILiveOutput
    {
        private readonly PSCmdlet _cmdlet;

        public PipelineOutput(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        public int FailedCount { get; private set; }

        public void WriteObject(object value) => _cmdlet.WriteObject(value);

        public void WriteError(ErrorRecord error) => _cmdlet.WriteError(error);

        public void ComputerFailed() => FailedCount++;

        public void WriteWarning(string message) => _cmdlet.WriteWarning(message);

        public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);
    }
}
