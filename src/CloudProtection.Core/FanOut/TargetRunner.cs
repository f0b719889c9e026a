using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace CloudProtection.FanOut;

/// <summary>
/// Runs the work on one target and turns every outcome into a result. It stops waiting as soon as the
/// target's token fires, so work that ignores its token cannot hold the run.
/// </summary>
internal static class TargetRunner
{
    /// <summary>Runs the work and returns its result. A failure of the work becomes the result and is not thrown.</summary>
    public static async Task<FanOutResult<TTarget, TResult>> RunAsync<TTarget, TResult>(
        TTarget target,
        Func<TTarget, CancellationToken, Task<TResult>> work,
        TimeSpan? timeout,
        CancellationToken stopToken)
    {
        Stopwatch stopwatch = Stopwatch.StartNew();

        CancellationTokenSource? timeoutSource = timeout is null ? null : new CancellationTokenSource(timeout.Value);
        CancellationTokenSource targetSource = timeoutSource is null
            ? CancellationTokenSource.CreateLinkedTokenSource(stopToken)
            : CancellationTokenSource.CreateLinkedTokenSource(stopToken, timeoutSource.Token);

        Task<TResult> workTask = Invoke(work, target, targetSource.Token);
        if (!workTask.IsCompleted)
        {
            await WhenCompletedOrCanceled(workTask, targetSource.Token).ConfigureAwait(false);
        }

        TimeSpan elapsed = stopwatch.Elapsed;

        // Work that ignores its token may still use it after this returns, so the sources are disposed only when the work ends.
        // The same continuation observes a late fault, which would otherwise be an unobserved task exception.
        ReleaseWhenFinished(workTask, timeoutSource, targetSource);

        if (workTask.Status == TaskStatus.RanToCompletion)
        {
            return new FanOutResult<TTarget, TResult>(target, workTask.Result, null, elapsed);
        }

        Exception? workException = Unwrap(workTask.Exception);

        // A fired timer wins over whatever the work made of the cancellation, such as its own CIM error.
        bool timedOut = timeoutSource is not null && timeoutSource.IsCancellationRequested && !stopToken.IsCancellationRequested;
        if (timedOut)
        {
            return new FanOutResult<TTarget, TResult>(target, default, CreateTimeoutException(target, timeout!.Value, workException), elapsed);
        }

        if (stopToken.IsCancellationRequested)
        {
            return new FanOutResult<TTarget, TResult>(target, default, new OperationCanceledException("The fan-out run was canceled.", workException, stopToken), elapsed);
        }

        // The work was canceled by a token of its own, which is a failure like any other.
        Exception failure = workException ?? new TaskCanceledException(workTask);
        return new FanOutResult<TTarget, TResult>(target, default, failure, elapsed);
    }

    private static Task<TResult> Invoke<TTarget, TResult>(Func<TTarget, CancellationToken, Task<TResult>> work, TTarget target, CancellationToken cancellationToken)
    {
        try
        {
            return work(target, cancellationToken) ?? Task.FromException<TResult>(new InvalidOperationException("The fan-out work returned a null task."));
        }
        catch (Exception exception)
        {
            // Work that throws before returning its task fails its target only.
            return Task.FromException<TResult>(exception);
        }
    }

    private static async Task WhenCompletedOrCanceled(Task workTask, CancellationToken cancellationToken)
    {
        var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), canceled))
        {
            await Task.WhenAny(workTask, canceled.Task).ConfigureAwait(false);
        }
    }

    private static void ReleaseWhenFinished(Task workTask, CancellationTokenSource? timeoutSource, CancellationTokenSource targetSource)
    {
        workTask.ContinueWith(
            task =>
            {
                _ = task.Exception;
                targetSource.Dispose();
                timeoutSource?.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static Exception? Unwrap(AggregateException? exception)
    {
        if (exception is null)
        {
            return null;
        }

        return exception.InnerExceptions.Count == 1 ? exception.InnerExceptions[0] : exception;
    }

    private static TimeoutException CreateTimeoutException<TTarget>(TTarget target, TimeSpan timeout, Exception? workException)
    {
        string message = string.Format(
            CultureInfo.InvariantCulture,
            "The work on '{0}' timed out after {1:0.###} s.",
            target,
            timeout.TotalSeconds);
        return new TimeoutException(message, workException);
    }
}
