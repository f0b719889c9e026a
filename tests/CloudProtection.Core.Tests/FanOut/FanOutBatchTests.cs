using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.FanOut;
using Xunit;

namespace CloudProtection.Core.Tests.FanOut;

public sealed class FanOutBatchTests
{
    [Fact]
    public void Batch_PushModelReturnsEveryResult()
    {
        using var batch = new FanOutBatch<int, int>(
            async (target, token) => { await Task.Delay(1, token); return target * 2; },
            throttleLimit: 3,
            timeoutPerTarget: null,
            CancellationToken.None);
        var results = new List<FanOutResult<int, int>>();

        // As a cmdlet does: add in ProcessRecord and write what is ready, then drain in EndProcessing.
        for (int target = 0; target < 50; target++)
        {
            batch.Add(target);
            results.AddRange(batch.TakeAvailable());
        }

        batch.CompleteAdding();
        results.AddRange(batch.GetConsumingEnumerable());

        Assert.Equal(Enumerable.Range(0, 50), results.Select(result => result.Target).OrderBy(target => target));
        Assert.All(results, result => Assert.Equal(result.Target * 2, result.Value));
        Assert.Equal(50, batch.Progress.Completed);
        Assert.True(batch.Progress.InputComplete);
    }

    [Fact]
    public void Batch_QueuesTargetsBeyondLimit()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var batch = new FanOutBatch<int, int>((target, token) => release.Task, throttleLimit: 2, timeoutPerTarget: null, CancellationToken.None);

        for (int target = 0; target < 5; target++)
        {
            batch.Add(target);
        }

        FanOutProgress progress = batch.Progress;
        Assert.Equal(5, progress.Known);
        Assert.Equal(2, progress.Started);
        Assert.False(batch.HasFreeSlot);

        release.SetResult(7);
        batch.CompleteAdding();
        List<FanOutResult<int, int>> results = batch.GetConsumingEnumerable().ToList();

        Assert.Equal(5, results.Count);
        Assert.Equal(5, batch.Progress.Started);
    }

    [Fact]
    public void Batch_AddAfterCompleteAddingRejected()
    {
        using var batch = new FanOutBatch<int, int>((target, token) => Task.FromResult(target), 1, null, CancellationToken.None);
        batch.CompleteAdding();

        Assert.Throws<InvalidOperationException>(() => batch.Add(1));
    }

    [Fact]
    public void Batch_AddAfterDisposeRejected()
    {
        var batch = new FanOutBatch<int, int>((target, token) => Task.FromResult(target), 1, null, CancellationToken.None);
        batch.Dispose();

        Assert.Throws<ObjectDisposedException>(() => batch.Add(1));
    }

    [Fact]
    public async Task Batch_DisposeCancelsRunningWork()
    {
        var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var batch = new FanOutBatch<int, int>(
            async (target, token) =>
            {
                using CancellationTokenRegistration registration = token.Register(() => canceled.TrySetResult(true));
                started.TrySetResult(true);
                await Task.Delay(Timeout.Infinite, token);
                return target;
            },
            throttleLimit: 1,
            timeoutPerTarget: null,
            CancellationToken.None);

        batch.Add(1);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        batch.Dispose();

        // WaitAsync throws TimeoutException when Dispose did not cancel the running work.
        Assert.True(await canceled.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
