namespace CloudProtection.Commands;

/// <summary>One computer of a live run: a name to connect to, or a CimSession the caller opened.</summary>
internal sealed class LiveTarget
{
    public LiveTarget(string computerName, object? session)
    {
        ComputerName = computerName;
        Session = session;
    }

    public string ComputerName { get; }

    /// <summary>The caller's CimSession, which the module uses but never closes; null for a name.</summary>
    public object? Session { get; }

    public override string ToString() => ComputerName;
}
