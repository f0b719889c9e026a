using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CloudProtection.Settings;

/// <summary>One cloud protection setting with every vocabulary that names it.</summary>
public sealed class SettingDefinition
{
    internal SettingDefinition(
        string name,
        string cimType,
        SettingKind kind,
        Type? enumType,
        uint[]? allowedValues,
        uint minimum,
        uint maximum,
        uint defaultValue,
        Certainty defaultCertainty,
        string? defaultNote,
        SettingLocation? groupPolicy,
        SettingLocation? mdm,
        SettingLocation? localPreference,
        uint[]? tamperProtectedWeakValues,
        string description)
    {
        Name = name;
        CimType = cimType;
        Kind = kind;
        EnumType = enumType;
        AllowedValues = allowedValues;
        Minimum = minimum;
        Maximum = maximum;
        DefaultValue = defaultValue;
        DefaultCertainty = defaultCertainty;
        DefaultNote = defaultNote;
        GroupPolicy = groupPolicy;
        Mdm = mdm;
        LocalPreference = localPreference;
        TamperProtectedWeakValues = tamperProtectedWeakValues;
        Description = description;
    }

    /// <summary>The MSFT_MpPreference property name, also used by Get-MpPreference and Set-MpPreference.</summary>
    public string Name { get; }

    /// <summary>The CIM type of the property in the Defender provider's MOF (uint8, uint32, boolean).</summary>
    public string CimType { get; }

    public SettingKind Kind { get; }

    /// <summary>The enum that names the values of an Enumeration setting; null for the others.</summary>
    public Type? EnumType { get; }

    /// <summary>The defined numbers of an Enumeration or Boolean setting; null for a range.</summary>
    public IReadOnlyList<uint>? AllowedValues { get; }

    public uint Minimum { get; }

    public uint Maximum { get; }

    /// <summary>The value Defender uses when no channel configures the setting, as the documentation states it.</summary>
    public uint DefaultValue { get; }

    /// <summary>Unconfirmed where Microsoft's documents disagree on the default.</summary>
    public Certainty DefaultCertainty { get; }

    public string? DefaultNote { get; }

    /// <summary>The value under the Policies key. Group Policy, Configuration Manager and security settings management share it.</summary>
    public SettingLocation? GroupPolicy { get; }

    /// <summary>The Policy CSP value under Policy Manager, in MDM's own numbering.</summary>
    public SettingLocation? Mdm { get; }

    /// <summary>
    /// The same MDM value in the MDM merged store. Community scripts read it, but Microsoft's Defender
    /// documents do not describe it, so the resolver uses it only when Policy Manager has no value.
    /// </summary>
    public SettingLocation? MdmMergedStore => Mdm is null
        ? null
        : new SettingLocation(
            RegistryPaths.MdmMergedStore,
            Mdm.ValueName,
            Certainty.Unconfirmed,
            Mdm.ToPreference,
            Mdm.PolicyName,
            "Read from the MDM merged store, which Microsoft's Defender documents do not describe.");

    /// <summary>The value that Set-MpPreference writes.</summary>
    public SettingLocation? LocalPreference { get; }

    /// <summary>Numbers that weaken a setting that tamper protection guards; null when tamper protection does not guard it.</summary>
    public IReadOnlyList<uint>? TamperProtectedWeakValues { get; }

    public string Description { get; }

    /// <summary>Whether the number is one the setting defines.</summary>
    public bool IsDefined(uint raw) =>
        AllowedValues is null ? raw >= Minimum && raw <= Maximum : AllowedValues.Contains(raw);

    /// <summary>Whether setting this number would be blocked by tamper protection.</summary>
    public bool WeakensTamperProtectedSetting(uint raw) =>
        TamperProtectedWeakValues is not null && TamperProtectedWeakValues.Contains(raw);

    /// <summary>
    /// Converts a raw number to the value Get-MpPreference shows: the enum member, a bool, or the number
    /// of seconds. An undefined number stays visible as it is (an enum holding 3, say), never an exception.
    /// </summary>
    public object ToValue(uint raw)
    {
        switch (Kind)
        {
            case SettingKind.Enumeration:
                return Enum.ToObject(EnumType!, checked((byte)Math.Min(raw, byte.MaxValue)));
            case SettingKind.Boolean:
                return raw != 0;
            default:
                return raw;
        }
    }

    /// <summary>Converts a value as PowerShell or a snapshot hands it over (enum, name, bool, number) to the raw number.</summary>
    public bool TryToRaw(object? value, out uint raw)
    {
        raw = 0;
        switch (value)
        {
            case null:
                return false;
            case bool flag:
                raw = flag ? 1u : 0u;
                return Kind == SettingKind.Boolean;
            case Enum member:
                raw = Convert.ToUInt32(member, CultureInfo.InvariantCulture);
                return true;
            case string text:
                return TryParseName(text, out raw);
            case byte or sbyte or short or ushort or int or uint or long or ulong:
                long number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                if (number < 0 || number > uint.MaxValue)
                {
                    return false;
                }

                raw = (uint)number;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Formats a raw number for messages: the enum name or bool with the number, "3 (undefined)" when outside the set.</summary>
    public string Format(uint raw)
    {
        if (!IsDefined(raw))
        {
            return raw.ToString(CultureInfo.InvariantCulture) + " (undefined)";
        }

        return Kind switch
        {
            SettingKind.Enumeration => string.Format(CultureInfo.InvariantCulture, "{0} ({1})", ToValue(raw), raw),
            SettingKind.Boolean => raw != 0 ? "True" : "False",
            _ => raw.ToString(CultureInfo.InvariantCulture),
        };
    }

    // Accepts only full names (case-insensitive) or the number as text: a prefix such as "Always" is
    // ambiguous for SubmitSamplesConsent and must never bind to AlwaysPrompt silently.
    private bool TryParseName(string text, out uint raw)
    {
        raw = 0;
        string trimmed = text.Trim();
        if (uint.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out raw))
        {
            return true;
        }

        if (Kind == SettingKind.Boolean && bool.TryParse(trimmed, out bool flag))
        {
            raw = flag ? 1u : 0u;
            return true;
        }

        if (EnumType is null)
        {
            return false;
        }

        foreach (string name in Enum.GetNames(EnumType))
        {
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                raw = Convert.ToUInt32(Enum.Parse(EnumType, name), CultureInfo.InvariantCulture);
                return true;
            }
        }

        return false;
    }
}
