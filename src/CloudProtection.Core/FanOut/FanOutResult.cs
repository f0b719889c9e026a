using System;

namespace CloudProtection.FanOut;

/// <summary>
/// The outcome of the work on one target, which is either a value or the exception that ended it.
/// </summary>
public sealed class FanOutResult<TTarget, TResult>
{
    internal FanOutResult(TTarget target, TResult? value, Exception? exception, TimeSpan elapsed)
    {
        Target = target;
        Value = value;
        Exception = exception;
        Elapsed = elapsed;
    }

    public TTarget Target { get; }

    /// <summary>The value the work returned, or default when <see cref="Exception"/> is set.</summary>
    public TResult? Value { get; }

    /// <summary>
    /// The failure, or null on success. It is the work's own exception, a <see cref="TimeoutException"/>
    /// when the target exceeded its timeout, or an <see cref="OperationCanceledException"/> when the run was canceled.
    /// </summary>
    public Exception? Exception { get; }

    public bool Succeeded => Exception is null;

    /// <summary>Time from the start of the target's work to its result, excluding time spent queued.</summary>
    public TimeSpan Elapsed { get; }

    public override string ToString() =>
        Succeeded ? $"{Target}: succeeded in {Elapsed.TotalMilliseconds:0} ms" : $"{Target}: failed: {Exception!.Message}";
}
