using CloudProtection.Resolution;
using CloudProtection.Settings;

namespace CloudProtection.Changes;

/// <summary>One setting of a change: the request, the values before and after, and the outcome.</summary>
public sealed class SettingChange
{
    public SettingChange(SettingDefinition definition, uint? requestedRaw, bool reset)
    {
        Definition = definition;
        Name = definition.Name;
        RequestedRaw = requestedRaw;
        IsReset = reset;
        Requested = requestedRaw is uint raw ? definition.ToValue(raw) : null;
    }

    internal SettingDefinition Definition { get; }

    public string Name { get; }

    /// <summary>The requested value; null for a reset.</summary>
    public object? Requested { get; }

    public uint? RequestedRaw { get; }

    /// <summary>Whether the request removes the local preference instead of writing a value.</summary>
    public bool IsReset { get; }

    /// <summary>The effective value before the change.</summary>
    public object? Before { get; set; }

    /// <summary>The local preference before the change; null when none was set.</summary>
    public object? LocalBefore { get; set; }

    /// <summary>The effective value after the change, read back from the machine.</summary>
    public object? After { get; set; }

    /// <summary>The channel the effective value comes from after the change.</summary>
    public ConfigurationSource? SourceAfter { get; set; }

    /// <summary>Whether this setting is part of the Set or Remove call.</summary>
    public bool Planned { get; set; }

    /// <summary>The outcome; before the write it is the predicted one.</summary>
    public ChangeOutcome Outcome { get; set; }

    /// <summary>Who owns the setting when a higher channel shadows the local value: GPO name, MDM node or registry path.</summary>
    public string? Owner { get; set; }

    /// <summary>A sentence for the error, warning or verbose message about this setting.</summary>
    public string? Message { get; set; }

    public override string ToString() => $"{Name}: {Outcome}";
}
