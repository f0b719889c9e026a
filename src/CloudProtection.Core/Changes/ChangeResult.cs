using System.Collections.Generic;
using System.Linq;

namespace CloudProtection.Changes;

/// <summary>The outcome of a change on one machine, which -PassThru returns.</summary>
public sealed class ChangeResult
{
    public string ComputerName { get; set; } = string.Empty;

    /// <summary>The snapshot file that was changed, for rehearsals; null for a live machine.</summary>
    public string? SnapshotPath { get; set; }

    public List<SettingChange> Settings { get; } = new();

    /// <summary>Whether a Set or Remove call was sent.</summary>
    public bool Written { get; set; }

    /// <summary>Conditions that limit the change on this machine as a whole, such as Defender in passive mode.</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>The HRESULT or return value of a failed Set or Remove call.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>Whether every setting ended Applied, NoChange or Reset.</summary>
    public bool Succeeded => Settings.All(setting => setting.Outcome is ChangeOutcome.Applied or ChangeOutcome.NoChange or ChangeOutcome.Reset);

    public override string ToString() => $"{ComputerName}: {string.Join(", ", Settings.Select(setting => setting.ToString()))}";
}
