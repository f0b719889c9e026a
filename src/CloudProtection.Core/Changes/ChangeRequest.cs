using System;
using System.Collections.Generic;
using System.Linq;
using CloudProtection.Settings;

namespace CloudProtection.Changes;

/// <summary>The settings to write or reset on each machine, and whether to write under a policy owner.</summary>
public sealed class ChangeRequest
{
    private readonly List<(SettingDefinition Definition, uint Raw)> _values = new();
    private readonly List<SettingDefinition> _resets = new();

    /// <summary>Write local values even where a policy owns the setting, knowing they stay shadowed.</summary>
    public bool Force { get; set; }

    public IReadOnlyList<(SettingDefinition Definition, uint Raw)> Values => _values;

    public IReadOnlyList<SettingDefinition> Resets => _resets;

    public bool IsEmpty => _values.Count == 0 && _resets.Count == 0;

    /// <summary>Adds a value to write; throws when the value is not one the setting defines.</summary>
    public ChangeRequest Set(string name, uint raw)
    {
        SettingDefinition definition = SettingCatalog.Get(name);
        if (definition.LocalPreference is null)
        {
            throw new ArgumentException($"{definition.Name} is set only by Group Policy, not by MSFT_MpPreference.", nameof(name));
        }

        if (!definition.IsDefined(raw))
        {
            throw new ArgumentOutOfRangeException(nameof(raw), raw, $"{raw} is not a valid {definition.Name} value. Valid values: {Describe(definition)}.");
        }

        _values.RemoveAll(entry => entry.Definition == definition);
        _values.Add((definition, raw));
        return this;
    }

    /// <summary>Adds a setting whose local preference is to be removed.</summary>
    public ChangeRequest Reset(string name)
    {
        SettingDefinition definition = SettingCatalog.Get(name);
        if (definition.LocalPreference is null)
        {
            throw new ArgumentException($"{definition.Name} has no local preference to remove.", nameof(name));
        }

        if (!_resets.Contains(definition))
        {
            _resets.Add(definition);
        }

        return this;
    }

    /// <summary>Describes the request for ShouldProcess and the job name, such as "MAPSReporting=Advanced (2), SubmitSamplesConsent=SendAllSamples (3)".</summary>
    public override string ToString() =>
        string.Join(", ", _values.Select(entry => $"{entry.Definition.Name}={entry.Definition.Format(entry.Raw)}")
            .Concat(_resets.Select(definition => $"reset {definition.Name}")));

    internal static string Describe(SettingDefinition definition) =>
        definition.AllowedValues is null
            ? $"{definition.Minimum} to {definition.Maximum}"
            : string.Join(", ", definition.AllowedValues.Select(definition.Format));
}
