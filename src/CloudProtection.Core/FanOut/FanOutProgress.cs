namespace CloudProtection.FanOut;

/// <summary>A consistent snapshot of the counters of one fan-out run, for progress records.</summary>
public readonly struct FanOutProgress
{
    internal FanOutProgress(int known, int started, int completed, int failed, bool inputComplete)
    {
        Known = known;
        Started = started;
        Completed = completed;
        Failed = failed;
        InputComplete = inputComplete;
    }

    /// <summary>Targets received so far. It is the final total once <see cref="InputComplete"/> is true.</summary>
    public int Known { get; }

    /// <summary>Targets whose work has started.</summary>
    public int Started { get; }

    /// <summary>Targets that have a result, failed ones included.</summary>
    public int Completed { get; }

    /// <summary>Completed targets whose result carries an exception.</summary>
    public int Failed { get; }

    /// <summary>Whether every target has been received, so that <see cref="Known"/> is the total.</summary>
    public bool InputComplete { get; }

    /// <summary>Targets whose work has started and has no result yet.</summary>
    public int Running => Started - Completed;

    /// <summary>Completed targets as a share of the total from 0 to 100, or -1 while the total is unknown.</summary>
    public int PercentComplete => InputComplete && Known > 0 ? (int)(100L * Completed / Known) : -1;

    public override string ToString() =>
        $"{Completed}/{(InputComplete ? Known.ToString(System.Globalization.CultureInfo.InvariantCulture) : Known + "+")} completed, {Failed} failed, {Running} running";
}
