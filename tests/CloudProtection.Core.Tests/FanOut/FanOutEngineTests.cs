using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.FanOut;
using Xunit;

namespace CloudProtection.Core.Tests.FanOut;

// Timing bounds here are loose on purpose: the tests run on shared two-core machines, so they only
// separate "returned at once" from "waited for work that takes 30 seconds".
public sealed class FanOutEngineTests
{
    private static readonly TimeSpan LongWork = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PromptBound = TimeSpan.FromSeconds(2);

    [Fact]
    public void Run_NeverExceedsThrottleLimit()
    {
        const int throttleLimit = 5;
        int current = 0;
        int maximum = 0;
        var engine = new FanOutEngine(throttleLimit);

        async Task<int> Work(int target, CancellationToken cancellationToken)
        {
            int now = Interlocked.Increment(ref current);
            RaiseToAtLeast(ref maximum, now);
            try
            {
                await Task.Delay(1 + (target % 7), cancellationToken);
                return target;
            }
            finally
            {
                Interlocked.Decrement(ref current);
            }
        }

        List<FanOutResult<int, int>> results = engine.Run(Enumerable.Range(0, 200), Work, CancellationToken.None).ToList();

        Assert.Equal(200, results.Count);
        Assert.All(results, result => Assert.True(result.Succeeded, result.ToString()));
        Assert.True(maximum <= throttleLimit, $"At most {throttleLimit} targets may run at once, but {maximum} did.");
        Assert.True(maximum >= 2, $"The work never ran concurrently: at most {maximum} target ran at once.");
    }

    [Fact]
    public void Run_ReturnsOneResultPerTarget()
    {
        var engine = new FanOutEngine(throttleLimit: 16);
        int[] targets = Enumerable.Range(0, 500).ToArray();

        List<FanOutResult<int, string>> results = engine
            .Run(targets, async (target, token) => { await Task.Yield(); return "value " + target; }, CancellationToken.None)
            .ToList();

        Assert.Equal(targets.Length, results.Count);
        Assert.Equal(targets, results.Select(result => result.Target).OrderBy(target => target));
        Assert.All(results, result => Assert.Equal("value " + result.Target, result.Value));
        Assert.All(results, result => Assert.True(result.Elapsed >= TimeSpan.Zero));
    }

    [Fact]
    public void Run_OneFailureLeavesOthersSucceeding()
    {
        var engine = new FanOutEngine(throttleLimit: 4);

        async Task<int> Work(int target, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            if (target == 3)
            {
                throw new InvalidOperationException("target 3 failed");
            }

            return target * 10;
        }

        List<FanOutResult<int, int>> results = engine.Run(Enumerable.Range(0, 20), Work, CancellationToken.None).ToList();

        Assert.Equal(20, results.Count);
        FanOutResult<int, int> failure = Assert.Single(results, result => !result.Succeeded);
        Assert.Equal(3, failure.Target);
        InvalidOperationException exception = Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Equal("target 3 failed", exception.Message);
        Assert.All(results.Where(result => result.Target != 3), result => Assert.Equal(result.Target * 10, result.Value));
    }

    [Fact]
    public void Run_SynchronousThrowFailsOnlyItsTarget()
    {
        var engine = new FanOutEngine(throttleLimit: 2);

        Task<int> Work(int target, CancellationToken cancellationToken) =>
            target == 1 ? throw new ArgumentException("bad target") : Task.FromResult(target);

        List<FanOutResult<int, int>> results = engine.Run(new[] { 0, 1, 2 }, Work, CancellationToken.None).ToList();

        Assert.Equal(3, results.Count);
        Assert.IsType<ArgumentException>(results.Single(result => result.Target == 1).Exception);
        Assert.Equal(2, results.Count(result => result.Succeeded));
    }

    [Fact]
    public void Run_TimesOutSlowTargetsOnly()
    {
        var engine = new FanOutEngine(throttleLimit: 4, timeoutPerTarget: TimeSpan.FromMilliseconds(300));

        async Task<string> Work(string target, CancellationToken cancellationToken)
        {
            switch (target)
            {
                case "honors-token":
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    break;
                case "ignores-token":
                    await Task.Delay(LongWork, CancellationToken.None);
                    break;
            }

            return target;
        }

        var stopwatch = Stopwatch.StartNew();
        List<FanOutResult<string, string>> results = engine
            .Run(new[] { "honors-token", "fast-1", "ignores-token", "fast-2" }, Work, CancellationToken.None)
            .ToList();
        stopwatch.Stop();

        Assert.Equal(4, results.Count);
        Assert.True(stopwatch.Elapsed < LongWork / 3, $"The run waited {stopwatch.Elapsed} for work that ignores its token.");
        foreach (string slow in new[] { "honors-token", "ignores-token" })
        {
            FanOutResult<string, string> result = results.Single(candidate => candidate.Target == slow);
            TimeoutException exception = Assert.IsType<TimeoutException>(result.Exception);
            Assert.Contains("'" + slow + "'", exception.Message);
            Assert.Contains("0.3 s", exception.Message);
        }

        Assert.Equal("fast-1", results.Single(result => result.Target == "fast-1").Value);
        Assert.Equal("fast-2", results.Single(result => result.Target == "fast-2").Value);
    }

    [Fact]
    public async Task Run_CancellationReturnsPromptly()
    {
        const int throttleLimit = 4;
        var engine = new FanOutEngine(throttleLimit);
        using var cancellation = new CancellationTokenSource();
        int startedCount = 0;

        async Task<int> Work(int target, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref startedCount);

            // Odd targets ignore their token, so the engine must stop waiting for them by itself.
            await Task.Delay(LongWork, target % 2 == 0 ? cancellationToken : CancellationToken.None);
            return target;
        }

        var stopwatch = new Stopwatch();
        void Consume()
        {
            foreach (FanOutResult<int, int> result in engine.Run(Enumerable.Range(0, 40), Work, cancellation.Token))
            {
                Assert.Fail($"No target should finish, but {result} did.");
            }
        }

        // Cancel once every slot is busy, from another thread as StopProcessing does.
        Task canceller = Task.Run(async () =>
        {
            while (Volatile.Read(ref startedCount) < throttleLimit)
            {
                await Task.Delay(10);
            }

            stopwatch.Start();
            cancellation.Cancel();
        });

        OperationCanceledException exception = Assert.ThrowsAny<OperationCanceledException>(Consume);
        stopwatch.Stop();
        await canceller;

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.True(stopwatch.Elapsed < PromptBound, $"The enumeration ended {stopwatch.Elapsed} after cancellation.");
        Assert.Equal(throttleLimit, Volatile.Read(ref startedCount));
        Assert.Equal(throttleLimit, engine.Progress.Started);
    }

    [Fact]
    public void Run_AlreadyCanceledStartsNothing()
    {
        var engine = new FanOutEngine(throttleLimit: 4);
        int startedCount = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => engine
            .Run(Enumerable.Range(0, 10), (target, token) => Task.FromResult(Interlocked.Increment(ref startedCount)), new CancellationToken(canceled: true))
            .ToList());

        Assert.Equal(0, startedCount);
    }

    [Fact]
    public void Run_StreamsFastResultBeforeSlow()
    {
        var engine = new FanOutEngine(throttleLimit: 2);
        var releaseSlow = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<string> Work(string target, CancellationToken cancellationToken)
        {
            if (target == "slow")
            {
                // Released once the first result arrives. An engine that kept input order would never
                // return a first result, so the 10-second bound makes the test fail instead of hang.
                await Task.WhenAny(releaseSlow.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
            }

            return target;
        }

        var order = new List<string>();
        foreach (FanOutResult<string, string> result in engine.Run(new[] { "slow", "fast" }, Work, CancellationToken.None))
        {
            order.Add(result.Target);
            releaseSlow.TrySetResult(true);
        }

        Assert.Equal(new[] { "fast", "slow" }, order);
    }

    [Fact]
    public void Run_ReadsLazyInputBoundedAhead()
    {
        const int throttleLimit = 3;
        var engine = new FanOutEngine(throttleLimit);
        int readCount = 0;
        int canceledCount = 0;

        IEnumerable<int> EndlessTargets()
        {
            for (int target = 0; ; target++)
            {
                Interlocked.Increment(ref readCount);
                yield return target;
            }
        }

        async Task<int> Work(int target, CancellationToken cancellationToken)
        {
            if (target == 0)
            {
                return target;
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref canceledCount);
                throw;
            }

            return target;
        }

        FanOutResult<int, int> first = engine.Run(EndlessTargets(), Work, CancellationToken.None).First();

        Assert.Equal(0, first.Target);

        // The engine reads one throttle limit ahead of the running targets. Target 0 may finish while the
        // input is still being read, which makes room for one more read.
        Assert.InRange(readCount, 2 * throttleLimit, 2 * throttleLimit + 1);

        // Leaving the enumeration cancels the work that is still running, and the waiting targets never start.
        SpinWait.SpinUntil(() => Volatile.Read(ref canceledCount) == throttleLimit, TimeSpan.FromSeconds(10));
        Assert.Equal(throttleLimit, Volatile.Read(ref canceledCount));
        Assert.Equal(throttleLimit + 1, engine.Progress.Started);
    }

    [Fact]
    public void Run_RethrowsInputEnumerationError()
    {
        var engine = new FanOutEngine(throttleLimit: 2);

        IEnumerable<int> BrokenTargets()
        {
            yield return 1;
            yield return 2;
            throw new InvalidOperationException("input failed");
        }

        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() => engine
            .Run(BrokenTargets(), (target, token) => Task.FromResult(target), CancellationToken.None)
            .ToList());

        Assert.Equal("input failed", exception.Message);
    }

    [Fact]
    public void Progress_CountsFinishedRun()
    {
        var engine = new FanOutEngine(throttleLimit: 3);

        Task<int> Work(int target, CancellationToken cancellationToken) =>
            target % 5 == 0 ? Task.FromException<int>(new InvalidOperationException("failed")) : Task.FromResult(target);

        FanOutProgress before = engine.Progress;
        int resultCount = engine.Run(Enumerable.Range(0, 10), Work, CancellationToken.None).Count();
        FanOutProgress after = engine.Progress;

        Assert.Equal(0, before.Known);
        Assert.Equal(-1, before.PercentComplete);
        Assert.Equal(10, resultCount);
        Assert.Equal(10, after.Known);
        Assert.Equal(10, after.Started);
        Assert.Equal(10, after.Completed);
        Assert.Equal(2, after.Failed);
        Assert.Equal(0, after.Running);
        Assert.True(after.InputComplete);
        Assert.Equal(100, after.PercentComplete);
    }

    [Fact]
    public void Progress_TotalUnknownWhileInputOpen()
    {
        var engine = new FanOutEngine(throttleLimit: 2);
        var progressSeen = new List<FanOutProgress>();

        foreach (FanOutResult<int, int> result in engine.Run(Enumerable.Range(0, 6), (target, token) => Task.FromResult(target), CancellationToken.None))
        {
            progressSeen.Add(engine.Progress);
        }

        Assert.False(progressSeen[0].InputComplete);
        Assert.Equal(-1, progressSeen[0].PercentComplete);
        Assert.True(progressSeen[^1].InputComplete);
        Assert.Equal(6, progressSeen[^1].Known);
    }

    [Fact]
    public void Run_SecondConcurrentEnumerationRejected()
    {
        var engine = new FanOutEngine(throttleLimit: 1);
        using IEnumerator<FanOutResult<int, int>> first = engine
            .Run(new[] { 1, 2 }, (target, token) => Task.FromResult(target), CancellationToken.None)
            .GetEnumerator();
        Assert.True(first.MoveNext());

        Assert.Throws<InvalidOperationException>(() => engine
            .Run(new[] { 3 }, (target, token) => Task.FromResult(target), CancellationToken.None)
            .ToList());
    }

    [Fact]
    public async Task Run_ObservesLateFaults()
    {
        string marker = "late fault " + Guid.NewGuid().ToString("N");
        int unobservedCount = 0;
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs args)
        {
            if (args.Exception.Flatten().InnerExceptions.Any(inner => inner.Message == marker))
            {
                Interlocked.Increment(ref unobservedCount);
            }
        }

        var lateWork = new List<Task>();
        async Task<int> Work(int target, CancellationToken cancellationToken)
        {
            // Ignores its token and fails after the engine has reported the timeout and moved on.
            await Task.Delay(300, CancellationToken.None);
            throw new InvalidOperationException(marker);
        }

        Task<int> TrackedWork(int target, CancellationToken cancellationToken)
        {
            Task<int> task = Work(target, cancellationToken);
            lock (lateWork)
            {
                lateWork.Add(task.ContinueWith(_ => { }, TaskScheduler.Default));
            }

            return task;
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            var engine = new FanOutEngine(throttleLimit: 4, timeoutPerTarget: TimeSpan.FromMilliseconds(50));
            List<FanOutResult<int, int>> results = engine.Run(Enumerable.Range(0, 4), TrackedWork, CancellationToken.None).ToList();
            Assert.All(results, result => Assert.IsType<TimeoutException>(result.Exception));

            await Task.WhenAll(lateWork).WaitAsync(TimeSpan.FromSeconds(10));
            lateWork.Clear();
            for (int pass = 0; pass < 3; pass++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        Assert.Equal(0, unobservedCount);
    }

    private static void RaiseToAtLeast(ref int target, int value)
    {
        int seen = Volatile.Read(ref target);
        while (value > seen)
        {
            int previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
