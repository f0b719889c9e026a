using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CloudProtection.FanOut;

/// <summary>
/// Runs the same work on targets that arrive one by one, at most <see cref="ThrottleLimit"/> at a time,
/// and queues each result as its target finishes. Targets beyond the limit wait in arrival order.
/// </summary>
/// <remarks>
/// This is the push model for a cmdlet's ProcessRecord: <see cref="Add"/> each input object, write
/// <see cref="TakeAvailable"/> without blocking, then call <see cref="CompleteAdding"/> in EndProcessing and
/// write <see cref="GetConsumingEnumerable"/>. Results are returned on the thread that takes them, so a
/// cmdlet writes them on its pipeline thread. Adding is thread-safe, but taking results and
/// <see cref="Dispose"/> belong to one consuming thread.
/// </remarks>
public sealed class FanOutBatch<TTarget, TResult> : IDisposable
{
    private readonly Func<TTarget, CancellationToken, Task<TResult>> work;
    private readonly CancellationToken cancellationToken;

    // Fires on the caller's cancellation and on Dispose, which also cancels the work still running.
    private readonly CancellationTokenSource stopSource;
    private readonly CancellationToken stopToken;

    // The collection is never disposed, because results may still arrive from work that finishes after
    // Dispose. Without AvailableWaitHandle it owns no handle to release.
    private readonly BlockingCollection<FanOutResult<TTarget, TResult>> results = new(new ConcurrentQueue<FanOutResult<TTarget, TResult>>());

    private readonly Queue<TTarget> waiting = new();
    private readonly object gate = new();

    private int known;
    private int started;
    private int completed;
    private int failed;
    private int running;
    private bool addingCompleted;
    private bool disposed;

    /// <summary>Creates a batch that starts nothing until the first <see cref="Add"/>.</summary>
    /// <param name="work">The work on one target. Its token fires at the timeout and on cancellation.</param>
    /// <param name="throttleLimit">The maximum number of targets whose work runs at once, from 1 to 1000.</param>
    /// <param name="timeoutPerTarget">Time from a target's start to its timeout failure, or null for none.</param>
    /// <param name="cancellationToken">Stops the batch: nothing new starts and running work is canceled.</param>
    /// <exception cref="ArgumentOutOfRangeException">The throttle limit or the timeout is out of range.</exception>
    public FanOutBatch(
        Func<TTarget, CancellationToken, Task<TResult>> work,
        int throttleLimit,
        TimeSpan? timeoutPerTarget,
        CancellationToken cancellationToken)
    {
        this.work = work ?? throw new ArgumentNullException(nameof(work));
        FanOutLimits.ValidateThrottleLimit(throttleLimit);
        FanOutLimits.ValidateTimeout(timeoutPerTarget);

        ThrottleLimit = throttleLimit;
        TimeoutPerTarget = FanOutLimits.Normalize(timeoutPerTarget);
        this.cancellationToken = cancellationToken;
        stopSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stopToken = stopSource.Token;
    }

    public int ThrottleLimit { get; }

    public TimeSpan? TimeoutPerTarget { get; }

    public FanOutProgress Progress
    {
        get
        {
            lock (gate)
            {
                return new FanOutProgress(known, started, completed, failed, addingCompleted);
            }
        }
    }

    /// <summary>Whether a target added now would start at once instead of waiting for a free slot.</summary>
    public bool HasFreeSlot
    {
        get
        {
            lock (gate)
            {
                return running + waiting.Count < ThrottleLimit;
            }
        }
    }

    /// <summary>Whether fewer targets wait than the throttle limit, so that every slot freed now finds a successor.</summary>
    internal bool HasRoomToReadAhead
    {
        get
        {
            lock (gate)
            {
                return running + waiting.Count < 2 * ThrottleLimit;
            }
        }
    }

    /// <summary>
    /// Starts the work on a target, or queues the target until a slot is free. After cancellation the
    /// target is counted in <see cref="FanOutProgress.Known"/> but never started and gets no result.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="CompleteAdding"/> was already called.</exception>
    /// <exception cref="ObjectDisposedException">The batch was disposed.</exception>
    public void Add(TTarget target)
    {
        lock (gate)
        {
            ThrowIfDisposed();
            if (addingCompleted)
            {
                throw new InvalidOperationException("No target can be added after CompleteAdding was called.");
            }

            known++;
            if (stopToken.IsCancellationRequested)
            {
                return;
            }

            if (running >= ThrottleLimit)
            {
                waiting.Enqueue(target);
                return;
            }

            running++;
            started++;
        }

        Start(target);
    }

    /// <summary>Marks the input as complete, so that the results end once every started target has one.</summary>
    public void CompleteAdding()
    {
        lock (gate)
        {
            addingCompleted = true;
            CompleteResultsIfFinished();
        }
    }

    /// <summary>Returns the results that are ready without blocking, or an empty list when none is.</summary>
    public IReadOnlyList<FanOutResult<TTarget, TResult>> TakeAvailable()
    {
        ThrowIfDisposed();
        var available = new List<FanOutResult<TTarget, TResult>>();
        while (results.TryTake(out FanOutResult<TTarget, TResult>? result))
        {
            available.Add(result);
        }

        return available;
    }

    /// <summary>
    /// Returns each result as its target finishes, blocking between them, and ends after
    /// <see cref="CompleteAdding"/> once every started target has its result.
    /// </summary>
    /// <exception cref="OperationCanceledException">The batch's cancellation token fired. It is thrown at once, without waiting for running work.</exception>
    public IEnumerable<FanOutResult<TTarget, TResult>> GetConsumingEnumerable()
    {
        while (TryTake(out FanOutResult<TTarget, TResult>? result))
        {
            yield return result;
        }
    }

    /// <summary>Cancels the work still running and stops taking results. Results that arrive later are dropped.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            waiting.Clear();
        }

        stopSource.Cancel();
        stopSource.Dispose();
    }

    /// <summary>Blocks until a result is ready, or returns false when all results have been taken.</summary>
    internal bool TryTake(out FanOutResult<TTarget, TResult> result)
    {
        ThrowIfDisposed();

        // The caller's token, not the stop token, so that the exception carries the token the caller gave.
        bool hasResult = results.TryTake(out FanOutResult<TTarget, TResult>? next, Timeout.Infinite, cancellationToken);
        result = next!;
        return hasResult;
    }

    private void Start(TTarget target)
    {
        // Task.Run keeps the synchronous part of the work, before its first await, off the caller's thread.
        Task.Run(() => RunAndReportAsync(target));
    }

    private async Task RunAndReportAsync(TTarget target)
    {
        FanOutResult<TTarget, TResult> result;
        try
        {
            result = await TargetRunner.RunAsync(target, work, TimeoutPerTarget, stopToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // TargetRunner turns the work's failures into results. This only catches a failure of the
            // runner itself, such as a token source disposed by Dispose, so that its slot is still freed.
            result = new FanOutResult<TTarget, TResult>(target, default, exception, TimeSpan.Zero);
        }

        OnTargetFinished(result);
    }

    private void OnTargetFinished(FanOutResult<TTarget, TResult> result)
    {
        bool startNext = false;
        TTarget next = default!;
        lock (gate)
        {
            completed++;
            if (!result.Succeeded)
            {
                failed++;
            }

            if (!disposed)
            {
                results.Add(result);
            }

            // The slot passes straight to the next waiting target, so running never exceeds the limit.
            if (!stopToken.IsCancellationRequested && waiting.Count > 0)
            {
                next = waiting.Dequeue();
                started++;
                startNext = true;
            }
            else
            {
                // After cancellation the waiting targets never start, so they get no result.
                running--;
                waiting.Clear();
                CompleteResultsIfFinished();
            }
        }

        if (startNext)
        {
            Start(next);
        }
    }

    // Runs under the gate.
    private void CompleteResultsIfFinished()
    {
        if (addingCompleted && running == 0 && !results.IsAddingCompleted)
        {
            results.CompleteAdding();
        }
    }

    private void ThrowIfDisposed()
    {
        if (disposed)
        {
            throw new ObjectDisposedException(nameof(FanOutBatch<TTarget, TResult>));
        }
    }
}
