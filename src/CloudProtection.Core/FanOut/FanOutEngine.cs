using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CloudProtection.FanOut;

/// <summary>
/// Runs the same work on many targets with bounded concurrency and an optional timeout per target,
/// and returns each result on the caller's thread as soon as its target finishes.
/// </summary>
/// <remarks>
/// A failure of one target becomes that target's result and never stops the others. An engine runs
/// one enumeration at a time, which <see cref="Progress"/> describes.
/// </remarks>
public sealed class FanOutEngine
{
    private Func<FanOutProgress>? currentProgress;
    private int isRunning;

    /// <summary>Creates an engine with the cmdlets' settings.</summary>
    /// <param name="throttleLimit">The maximum number of targets whose work runs at once, from 1 to 1000.</param>
    /// <param name="timeoutPerTarget">Time from a target's start to its timeout failure, or null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">The throttle limit or the timeout is out of range.</exception>
    public FanOutEngine(int throttleLimit = FanOutLimits.DefaultThrottleLimit, TimeSpan? timeoutPerTarget = null)
    {
        FanOutLimits.ValidateThrottleLimit(throttleLimit);
        FanOutLimits.ValidateTimeout(timeoutPerTarget);
        ThrottleLimit = throttleLimit;
        TimeoutPerTarget = FanOutLimits.Normalize(timeoutPerTarget);
    }

    public int ThrottleLimit { get; }

    public TimeSpan? TimeoutPerTarget { get; }

    /// <summary>The counters of the running or last enumeration, or zeros before the first one.</summary>
    public FanOutProgress Progress => currentProgress?.Invoke() ?? default;

    /// <summary>
    /// Runs the work on every target and returns the results in the order the targets finish, exactly
    /// one per started target.
    /// </summary>
    /// <remarks>
    /// Nothing starts until the enumeration begins. The targets are read lazily on the enumerating thread,
    /// at most <see cref="ThrottleLimit"/> ahead of the running ones, so a pipeline's input need not be
    /// counted first. Ending the
    /// enumeration early, with break or an exception, cancels the work still running.
    /// </remarks>
    /// <param name="targets">The targets, possibly lazy. An exception from the enumeration itself ends the run and is rethrown.</param>
    /// <param name="work">The work on one target. Its token fires at the timeout and on cancellation.</param>
    /// <param name="cancellationToken">
    /// Stops the run: nothing new starts, running work is canceled, and the enumeration throws
    /// <see cref="OperationCanceledException"/> at once instead of waiting for work that ignores its token.
    /// </param>
    /// <exception cref="InvalidOperationException">Another enumeration of this engine is still running.</exception>
    public IEnumerable<FanOutResult<TTarget, TResult>> Run<TTarget, TResult>(
        IEnumerable<TTarget> targets,
        Func<TTarget, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken)
    {
        // Checked here, not in the iterator, so that a wrong argument fails at the call and not at the first result.
        if (targets is null)
        {
            throw new ArgumentNullException(nameof(targets));
        }

        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        return RunIterator(targets, work, cancellationToken);
    }

    private IEnumerable<FanOutResult<TTarget, TResult>> RunIterator<TTarget, TResult>(
        IEnumerable<TTarget> targets,
        Func<TTarget, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref isRunning, 1, 0) != 0)
        {
            throw new InvalidOperationException("This fan-out engine is already running an enumeration. Use one engine per concurrent run.");
        }

        try
        {
            using var batch = new FanOutBatch<TTarget, TResult>(work, ThrottleLimit, TimeoutPerTarget, cancellationToken);
            currentProgress = () => batch.Progress;

            using IEnumerator<TTarget> input = targets.GetEnumerator();
            bool inputOpen = true;
            while (true)
            {
                // Keep up to one throttle limit of targets waiting, so that a finishing target hands its
                // slot to the next one at once instead of after this thread wakes up to read the input.
                // A lazy input is so read at most that far ahead of the work.
                while (inputOpen && batch.HasRoomToReadAhead)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (input.MoveNext())
                    {
                        batch.Add(input.Current);
                    }
                    else
                    {
                        inputOpen = false;
                        batch.CompleteAdding();
                    }
                }

                if (!batch.TryTake(out FanOutResult<TTarget, TResult> result))
                {
                    yield break;
                }

                yield return result;
            }
        }
        finally
        {
            Volatile.Write(ref isRunning, 0);
        }
    }
}
