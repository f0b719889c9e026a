using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace CloudProtection.Cim;

/// <summary>Collects what an MMI IObservable delivers into a task, so the core can await MMI operations.</summary>
internal sealed class ObservableTask<T> : IObserver<T>
{
    private readonly List<T> _items = new();
    private readonly TaskCompletionSource<IReadOnlyList<T>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Task<IReadOnlyList<T>> Collect(IObservable<T> source)
    {
        var observer = new ObservableTask<T>();
        source.Subscribe(observer);
        return observer._completion.Task;
    }

    public void OnNext(T value)
    {
        lock (_items)
        {
            _items.Add(value);
        }
    }

    public void OnError(Exception error) => _completion.TrySetException(error);

    public void OnCompleted()
    {
        lock (_items)
        {
            _completion.TrySetResult(_items.ToArray());
        }
    }
}
