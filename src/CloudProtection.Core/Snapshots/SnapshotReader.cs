using System;
using System.Collections.Generic;
using System.Globalization;
using CloudProtection.Facts;
using CloudProtection.Json;

namespace CloudProtection.Snapshots;

/// <summary>
/// Checks a parsed snapshot against format version 1 and builds the machine facts from it. Unknown
/// properties are ignored, so a later module version can add optional ones without a new version number.
/// </summary>
internal sealed partial class SnapshotReader
{
    private readonly string sourcePath;

    public SnapshotReader(string sourcePath)
    {
        this.sourcePath = sourcePath;
    }

    public MachineFacts Read(string json)
    {
        JsonNode root;
        try
        {
            root = JsonParser.Parse(json);
        }
        catch (JsonFormatException error)
        {
            throw new SnapshotFormatException(
                $"Snapshot file '{sourcePath}' is not valid JSON: {error.Message}",
                sourcePath,
                error.Line,
                error.Column,
                jsonPath: null,
                error);
        }

        JsonObject document = root as JsonObject
            ?? throw Invalid(string.Empty, root, $"A snapshot is a JSON object, but this file contains {root.KindDescription}.");

        // The format comes first, so that any other JSON file is reported as "not a snapshot".
        CheckFormat(document);
        CheckVersion(document);

        string computerName = ReadRequiredString(document, string.Empty, SnapshotFields.ComputerName);
        MachineFacts facts = new(computerName, FactOrigin.Snapshot)
        {
            SourcePath = sourcePath,
            CapturedAt = ReadCapturedAt(document),
        };

        ReadPreference(document, facts);
        ReadComputerStatus(document, facts);
        ReadRegistry(document, facts);
        ReadPolicyRecords(document, facts);
        ReadMdmWinningProviders(document, facts);
        return facts;
    }

    private void CheckFormat(JsonObject document)
    {
        if (!document.TryGetValue(SnapshotFields.Format, out JsonNode? node))
        {
            throw Invalid(
                SnapshotFields.Format,
                document,
                $"The property 'format' is missing, so this is not a CloudProtection snapshot. A snapshot starts with \"format\": \"{SnapshotSerializer.FormatName}\".");
        }

        if (node is not JsonString format || format.Value != SnapshotSerializer.FormatName)
        {
            string found = node is JsonString text ? $"'{text.Value}'" : node.KindDescription;
            throw Invalid(
                SnapshotFields.Format,
                node,
                $"The format is {found}, not '{SnapshotSerializer.FormatName}', so this is not a CloudProtection snapshot.");
        }
    }

    private void CheckVersion(JsonObject document)
    {
        JsonNode node = ReadRequired(document, string.Empty, SnapshotFields.Version);
        if (node is not JsonNumber number || !number.TryGetInt64(out long version))
        {
            throw Invalid(SnapshotFields.Version, node, $"The version must be an integer, but it is {Describe(node)}.");
        }

        if (version > SnapshotSerializer.FormatVersion)
        {
            throw new SnapshotFormatException(
                $"Snapshot file '{sourcePath}' cannot be read: snapshot format version {version} is not supported by this module version; "
                + $"it reads version {SnapshotSerializer.FormatVersion}. Update the CloudProtection module.",
                sourcePath,
                node.Line,
                node.Column,
                SnapshotFields.Version);
        }

        if (version < SnapshotSerializer.FormatVersion)
        {
            throw Invalid(
                SnapshotFields.Version,
                node,
                $"Snapshot format version {version} does not exist. The first version is {SnapshotSerializer.FormatVersion}.");
        }
    }

    private DateTimeOffset? ReadCapturedAt(JsonObject document)
    {
        string? text = ReadOptionalString(document, string.Empty, SnapshotFields.CapturedAt);
        if (text is null)
        {
            return null;
        }

        // AssumeUniversal only matters for the Z form, because the other form requires an explicit offset.
        string[] formats = { SnapshotFields.TimestampFormat, SnapshotFields.UtcTimestampFormat };
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset capturedAt))
        {
            return capturedAt;
        }

        throw Invalid(
            SnapshotFields.CapturedAt,
            document[SnapshotFields.CapturedAt],
            $"'{text}' is not a valid timestamp. Write it as ISO 8601 with an offset, such as 2026-11-30T08:15:00+00:00.");
    }

    private void ReadPreference(JsonObject document, MachineFacts facts)
    {
        JsonObject? section = ReadOptionalObject(document, string.Empty, SnapshotFields.Preference);
        if (section is null)
        {
            return;
        }

        string path = SnapshotFields.Preference;
        facts.PreferenceStatus = ReadStatus(section, path);
        facts.PreferenceError = ReadOptionalString(section, path, SnapshotFields.Error);

        JsonObject? values = ReadOptionalObject(section, path, SnapshotFields.Values);
        if (values is null)
        {
            return;
        }

        string valuesPath = JoinPath(path, SnapshotFields.Values);
        foreach (KeyValuePair<string, JsonNode> property in values)
        {
            string valuePath = JoinPath(valuesPath, property.Key);

            // MachineFacts.Preference ignores case, as CIM property names do, so two spellings would collide.
            if (facts.Preference.ContainsKey(property.Key))
            {
                throw Invalid(
                    valuePath,
                    property.Value,
                    $"The preference '{property.Key}' occurs twice with different letter case. Preference names ignore case, so keep one.");
            }

            facts.Preference.Add(property.Key, ReadPreferenceValue(property.Value, valuePath));
        }
    }

    private void ReadComputerStatus(JsonObject document, MachineFacts facts)
    {
        JsonObject? section = ReadOptionalObject(document, string.Empty, SnapshotFields.ComputerStatus);
        if (section is null)
        {
            return;
        }

        string path = SnapshotFields.ComputerStatus;
        facts.ComputerStatusStatus = ReadStatus(section, path);
        facts.ComputerStatusError = ReadOptionalString(section, path, SnapshotFields.Error);
        facts.ComputerStatus = new ComputerStatusFacts
        {
            IsTamperProtected = ReadOptionalBoolean(section, path, SnapshotFields.IsTamperProtected),
            AMRunningMode = ReadOptionalString(section, path, SnapshotFields.AMRunningMode),
            AMServiceEnabled = ReadOptionalBoolean(section, path, SnapshotFields.AMServiceEnabled),
            RealTimeProtectionEnabled = ReadOptionalBoolean(section, path, SnapshotFields.RealTimeProtectionEnabled),
            IoavProtectionEnabled = ReadOptionalBoolean(section, path, SnapshotFields.IoavProtectionEnabled),
            AMProductVersion = ReadOptionalString(section, path, SnapshotFields.AMProductVersion),
            AMEngineVersion = ReadOptionalString(section, path, SnapshotFields.AMEngineVersion),
        };
    }

    private void ReadRegistry(JsonObject document, MachineFacts facts)
    {
        JsonNode node = ReadRequired(document, string.Empty, SnapshotFields.Registry);
        JsonArray entries = node as JsonArray
            ?? throw Invalid(SnapshotFields.Registry, node, $"The registry must be an array, but it is {Describe(node)}.");

        for (int index = 0; index < entries.Count; index++)
        {
            string path = SnapshotFields.Registry + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            JsonObject entry = entries[index] as JsonObject
                ?? throw Invalid(path, entries[index], $"A registry entry must be an object, but it is {Describe(entries[index])}.");

            string key = ReadRequiredString(entry, path, SnapshotFields.Key);
            string name = ReadRequiredString(entry, path, SnapshotFields.Name);
            RegistryValueState state = ReadEnum<RegistryValueState>(entry, path, SnapshotFields.State, "registry value state");
            uint? value = ReadRegistryNumber(entry, path);
            string? error = ReadOptionalString(entry, path, SnapshotFields.Error);

            if (state == RegistryValueState.Present && value is null)
            {
                throw Invalid(
                    JoinPath(path, SnapshotFields.Value),
                    entry,
                    "The registry value is Present but has no 'value'. Give the DWORD as a number from 0 to 4294967295.");
            }

            // Added rather than set, because a snapshot keeps every fact in its order, as MachineFacts.Registry does.
            facts.Registry.Add(new RegistryValueFact(key, name, state, value, error));
        }
    }

    private uint? ReadRegistryNumber(JsonObject entry, string path)
    {
        if (!entry.TryGetValue(SnapshotFields.Value, out JsonNode? node) || node is JsonNull)
        {
            return null;
        }

        if (node is JsonNumber number && number.TryGetUInt32(out uint value))
        {
            return value;
        }

        throw Invalid(
            JoinPath(path, SnapshotFields.Value),
            node,
            $"A registry value must be a DWORD, a whole number from 0 to 4294967295, but it is {Describe(node)}.");
    }

    private void ReadPolicyRecords(JsonObject document, MachineFacts facts)
    {
        JsonObject? section = ReadOptionalObject(document, string.Empty, SnapshotFields.PolicyRecords);
        if (section is null)
        {
            return;
        }

        string path = SnapshotFields.PolicyRecords;
        facts.PolicyRecordStatus = ReadStatus(section, path);
        facts.PolicyRecordError = ReadOptionalString(section, path, SnapshotFields.Error);

        string recordsPath = JoinPath(path, SnapshotFields.Records);
        if (!section.TryGetValue(SnapshotFields.Records, out JsonNode? node) || node is JsonNull)
        {
            return;
        }

        JsonArray records = node as JsonArray
            ?? throw Invalid(recordsPath, node, $"The records must be an array, but they are {Describe(node)}.");
        for (int index = 0; index < records.Count; index++)
        {
            string recordPath = recordsPath + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            JsonObject record = records[index] as JsonObject
                ?? throw Invalid(recordPath, records[index], $"A policy record must be an object, but it is {Describe(records[index])}.");

            facts.PolicyRecords.Add(new PolicyRecord(
                ReadRequiredString(record, recordPath, SnapshotFields.Key),
                ReadRequiredString(record, recordPath, SnapshotFields.Name),
                ReadOptionalString(record, recordPath, SnapshotFields.GpoName),
                ReadOptionalString(record, recordPath, SnapshotFields.GpoId),
                ReadOptionalString(record, recordPath, SnapshotFields.SourcePath)));
        }
    }

    private void ReadMdmWinningProviders(JsonObject document, MachineFacts facts)
    {
        JsonObject? section = ReadOptionalObject(document, string.Empty, SnapshotFields.MdmWinningProviders);
        if (section is null)
        {
            return;
        }

        foreach (KeyValuePair<string, JsonNode> member in section)
        {
            facts.MdmWinningProviders[member.Key] = ReadRequiredString(section, SnapshotFields.MdmWinningProviders, member.Key);
        }
    }

    private FactStatus ReadStatus(JsonObject section, string path) =>
        ReadEnum<FactStatus>(section, path, SnapshotFields.Status, "status");
}
