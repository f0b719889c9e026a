using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CloudProtection.Facts;
using CloudProtection.Json;

namespace CloudProtection.Snapshots;

/// <summary>
/// Builds the JSON tree of a snapshot from machine facts. It rejects facts that the reader would reject,
/// so a saved snapshot can always be loaded again.
/// </summary>
internal static class SnapshotWriter
{
    public static JsonObject ToJson(MachineFacts facts)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        if (facts.ComputerName is null)
        {
            throw new ArgumentException("The machine facts have no computer name, which a snapshot requires.", nameof(facts));
        }

        JsonObject document = new();
        document.Add(SnapshotFields.Format, new JsonString(SnapshotSerializer.FormatName));
        document.Add(SnapshotFields.Version, JsonNumber.FromInt64(SnapshotSerializer.FormatVersion));
        document.Add(SnapshotFields.ComputerName, new JsonString(facts.ComputerName));
        if (facts.CapturedAt is DateTimeOffset capturedAt)
        {
            string timestamp = capturedAt.ToString(SnapshotFields.TimestampFormat, CultureInfo.InvariantCulture);
            document.Add(SnapshotFields.CapturedAt, new JsonString(timestamp));
        }

        document.Add(SnapshotFields.Preference, WritePreference(facts));
        document.Add(SnapshotFields.ComputerStatus, WriteComputerStatus(facts));
        document.Add(SnapshotFields.Registry, WriteRegistry(facts.Registry));
        document.Add(SnapshotFields.PolicyRecords, WritePolicyRecords(facts));

        // Optional and added after version 1 shipped, so it is written only when a provider was found.
        if (facts.MdmWinningProviders.Count > 0)
        {
            JsonObject providers = new();
            foreach (KeyValuePair<string, string> provider in facts.MdmWinningProviders.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                providers.Add(provider.Key, new JsonString(provider.Value));
            }

            document.Add(SnapshotFields.MdmWinningProviders, providers);
        }

        return document;
    }

    private static JsonObject WritePreference(MachineFacts facts)
    {
        JsonObject section = StartSection(facts.PreferenceStatus, facts.PreferenceError);

        // Sorted, because the order of a Dictionary is not part of its contract and the output must be deterministic.
        JsonObject values = new();
        foreach (KeyValuePair<string, object?> property in facts.Preference.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            values.Add(property.Key, ConvertPreferenceValue(property.Key, property.Value));
        }

        section.Add(SnapshotFields.Values, values);
        return section;
    }

    private static JsonObject WriteComputerStatus(MachineFacts facts)
    {
        JsonObject section = StartSection(facts.ComputerStatusStatus, facts.ComputerStatusError);
        ComputerStatusFacts status = facts.ComputerStatus ?? new ComputerStatusFacts();

        // A property that is null was not reported, so it is left out, as a reader treats a missing one as null.
        AddIfKnown(section, SnapshotFields.IsTamperProtected, status.IsTamperProtected);
        AddIfKnown(section, SnapshotFields.AMRunningMode, status.AMRunningMode);
        AddIfKnown(section, SnapshotFields.AMServiceEnabled, status.AMServiceEnabled);
        AddIfKnown(section, SnapshotFields.RealTimeProtectionEnabled, status.RealTimeProtectionEnabled);
        AddIfKnown(section, SnapshotFields.IoavProtectionEnabled, status.IoavProtectionEnabled);
        AddIfKnown(section, SnapshotFields.AMProductVersion, status.AMProductVersion);
        AddIfKnown(section, SnapshotFields.AMEngineVersion, status.AMEngineVersion);
        return section;
    }

    private static JsonArray WriteRegistry(IEnumerable<RegistryValueFact> registry)
    {
        // The order is kept because MachineFacts.FindRegistryValue lets a later fact win.
        JsonArray entries = new();
        foreach (RegistryValueFact fact in registry)
        {
            if (fact.ValueName is null)
            {
                throw new ArgumentException($"The registry fact for key '{fact.Key}' has no value name.", "facts");
            }

            if (fact.State == RegistryValueState.Present && fact.Value is null)
            {
                throw new ArgumentException($"The registry fact {fact.FullPath} is Present but has no value.", "facts");
            }

            JsonObject entry = new();
            entry.Add(SnapshotFields.Key, new JsonString(fact.Key));
            entry.Add(SnapshotFields.Name, new JsonString(fact.ValueName));
            entry.Add(SnapshotFields.State, new JsonString(fact.State.ToString()));
            if (fact.Value is uint value)
            {
                entry.Add(SnapshotFields.Value, JsonNumber.FromInt64(value));
            }

            AddIfKnown(entry, SnapshotFields.Error, fact.Error);
            entries.Add(entry);
        }

        return entries;
    }

    private static JsonObject WritePolicyRecords(MachineFacts facts)
    {
        JsonObject section = StartSection(facts.PolicyRecordStatus, facts.PolicyRecordError);

        JsonArray records = new();
        foreach (PolicyRecord record in facts.PolicyRecords)
        {
            if (record.ValueName is null)
            {
                throw new ArgumentException($"The policy record for key '{record.Key}' has no value name.", nameof(facts));
            }

            JsonObject entry = new();
            entry.Add(SnapshotFields.Key, new JsonString(record.Key));
            entry.Add(SnapshotFields.Name, new JsonString(record.ValueName));
            AddIfKnown(entry, SnapshotFields.GpoName, record.GpoName);
            AddIfKnown(entry, SnapshotFields.GpoId, record.GpoId);
            AddIfKnown(entry, SnapshotFields.SourcePath, record.SourcePath);
            records.Add(entry);
        }

        section.Add(SnapshotFields.Records, records);
        return section;
    }

    private static JsonObject StartSection(FactStatus status, string? error)
    {
        JsonObject section = new();
        section.Add(SnapshotFields.Status, new JsonString(status.ToString()));
        AddIfKnown(section, SnapshotFields.Error, error);
        return section;
    }

    private static void AddIfKnown(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target.Add(name, new JsonString(value));
        }
    }

    private static void AddIfKnown(JsonObject target, string name, bool? value)
    {
        if (value is bool known)
        {
            target.Add(name, new JsonBoolean(known));
        }
    }

    /// <summary>
    /// Converts one MSFT_MpPreference value. CIM gives booleans, integers, strings and arrays of them
    /// (ExclusionPath is a string array), so those are what a snapshot stores.
    /// </summary>
    private static JsonNode ConvertPreferenceValue(string name, object? value)
    {
        if (value is Array array && array.Rank == 1)
        {
            JsonArray items = new();
            foreach (object? item in array)
            {
                JsonNode converted = ConvertScalar(item)
                    ?? throw Unsupported($"The preference value '{name}' contains {Describe(item)}");
                items.Add(converted);
            }

            return items;
        }

        return ConvertScalar(value) ?? throw Unsupported($"The preference value '{name}' is {Describe(value)}");
    }

    /// <summary>Converts a null, boolean, number or string, and returns null for any other type.</summary>
    private static JsonNode? ConvertScalar(object? value)
    {
        if (value is Enum)
        {
            // A caller that hands in a Defender enum means its number, which is what CIM stores.
            value = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture);
        }

        return value switch
        {
            null => new JsonNull(),
            bool boolean => new JsonBoolean(boolean),
            string text => new JsonString(text),
            byte or sbyte or short or ushort or int or uint or long => JsonNumber.FromInt64(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            ulong unsigned => JsonNumber.FromUInt64(unsigned),
            float single when !float.IsNaN(single) && !float.IsInfinity(single) => JsonNumber.FromDouble(single),
            double number when !double.IsNaN(number) && !double.IsInfinity(number) => JsonNumber.FromDouble(number),
            decimal exact => JsonNumber.FromDecimal(exact),
            _ => null,
        };
    }

    private static ArgumentException Unsupported(string problem) =>
        new(problem + ", which a snapshot cannot store. "
            + "A snapshot stores booleans, finite numbers, strings, null, and one-dimensional arrays of these.",
            "facts");

    private static string Describe(object? value) => value switch
    {
        double or float => "the number " + Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => "a value of type " + value!.GetType().FullName,
    };
}
