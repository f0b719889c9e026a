using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CloudProtection.Json;

namespace CloudProtection.Snapshots;

// Typed access to members, with errors that name the member by its JSON path.
internal sealed partial class SnapshotReader
{
    private JsonNode ReadRequired(JsonObject parent, string parentPath, string name)
    {
        if (parent.TryGetValue(name, out JsonNode? node))
        {
            return node;
        }

        throw Invalid(
            JoinPath(parentPath, name),
            parent,
            $"The required property '{name}' is missing from the object that starts there.");
    }

    private string ReadRequiredString(JsonObject parent, string parentPath, string name)
    {
        JsonNode node = ReadRequired(parent, parentPath, name);
        return node is JsonString text
            ? text.Value
            : throw Invalid(JoinPath(parentPath, name), node, $"'{name}' must be a string, but it is {Describe(node)}.");
    }

    /// <summary>Reads a string member. A missing member and a JSON null both give null.</summary>
    private string? ReadOptionalString(JsonObject parent, string parentPath, string name)
    {
        if (!parent.TryGetValue(name, out JsonNode? node) || node is JsonNull)
        {
            return null;
        }

        return node is JsonString text
            ? text.Value
            : throw Invalid(JoinPath(parentPath, name), node, $"'{name}' must be a string or null, but it is {Describe(node)}.");
    }

    /// <summary>Reads a boolean member. A missing member and a JSON null both give null.</summary>
    private bool? ReadOptionalBoolean(JsonObject parent, string parentPath, string name)
    {
        if (!parent.TryGetValue(name, out JsonNode? node) || node is JsonNull)
        {
            return null;
        }

        return node is JsonBoolean boolean
            ? boolean.Value
            : throw Invalid(JoinPath(parentPath, name), node, $"'{name}' must be true, false or null, but it is {Describe(node)}.");
    }

    /// <summary>Reads an object member. A missing member and a JSON null both give null.</summary>
    private JsonObject? ReadOptionalObject(JsonObject parent, string parentPath, string name)
    {
        if (!parent.TryGetValue(name, out JsonNode? node) || node is JsonNull)
        {
            return null;
        }

        return node as JsonObject
            ?? throw Invalid(JoinPath(parentPath, name), node, $"'{name}' must be an object, but it is {Describe(node)}.");
    }

    /// <summary>
    /// Reads a member that contains the name of an enum member. Names must match exactly, and numbers are
    /// rejected, so that a typo cannot turn into another state.
    /// </summary>
    private TEnum ReadEnum<TEnum>(JsonObject parent, string parentPath, string name, string description)
        where TEnum : struct, Enum
    {
        string path = JoinPath(parentPath, name);
        JsonNode node = ReadRequired(parent, parentPath, name);
        string[] allowed = Enum.GetNames(typeof(TEnum));

        if (node is JsonString text && allowed.Contains(text.Value, StringComparer.Ordinal))
        {
            return (TEnum)Enum.Parse(typeof(TEnum), text.Value);
        }

        string found = node is JsonString unknown ? $"'{unknown.Value}'" : Describe(node);
        throw Invalid(path, node, $"Unknown {description} {found}. The allowed values are {JoinAlternatives(allowed)}.");
    }

    /// <summary>
    /// Converts a preference value. Whole numbers from 0 to 4294967295 become UInt32, because the snapshot
    /// does not store the CIM width (uint8 or uint32). Other whole numbers become Int32 or Int64, the rest Double.
    /// </summary>
    private object? ReadPreferenceValue(JsonNode node, string path)
    {
        if (node is JsonArray array)
        {
            object?[] items = new object?[array.Count];
            for (int index = 0; index < array.Count; index++)
            {
                string itemPath = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                JsonNode item = array[index];
                if (item is JsonArray or JsonObject)
                {
                    throw Invalid(
                        itemPath,
                        item,
                        $"A preference array may contain only booleans, numbers, strings and null, but this item is {Describe(item)}.");
                }

                items[index] = ReadPreferenceValue(item, itemPath);
            }

            return items;
        }

        switch (node)
        {
            case JsonNull:
                return null;
            case JsonBoolean boolean:
                return boolean.Value;
            case JsonString text:
                return text.Value;
            case JsonNumber number:
                return ReadPreferenceNumber(number, path);
            default:
                throw Invalid(path, node, $"A preference value must be a boolean, number, string, null or an array of these, but it is {Describe(node)}.");
        }
    }

    private object ReadPreferenceNumber(JsonNumber number, string path)
    {
        if (number.TryGetUInt32(out uint unsigned))
        {
            return unsigned;
        }

        if (number.TryGetInt32(out int signed))
        {
            return signed;
        }

        if (number.TryGetInt64(out long wide))
        {
            return wide;
        }

        if (number.TryGetDouble(out double real))
        {
            return real;
        }

        throw Invalid(path, number, $"The number {number.Text} is outside the range of a Double.");
    }

    /// <summary>Builds the error for a member that is missing or invalid, placed at the node it concerns.</summary>
    private SnapshotFormatException Invalid(string jsonPath, JsonNode node, string detail)
    {
        string where = jsonPath.Length == 0 ? string.Empty : " at " + jsonPath;
        string position = string.Format(CultureInfo.InvariantCulture, " (line {0}, column {1})", node.Line, node.Column);
        return new SnapshotFormatException(
            $"Snapshot file '{sourcePath}' is invalid{where}{position}: {detail}",
            sourcePath,
            node.Line,
            node.Column,
            jsonPath);
    }

    /// <summary>Describes a JSON value for a message, showing short strings and numbers themselves.</summary>
    private static string Describe(JsonNode node) => node switch
    {
        JsonNumber number => "the number " + number.Text,
        JsonString text when text.Value.Length <= 40 => $"the string '{text.Value}'",
        _ => node.KindDescription,
    };

    /// <summary>
    /// Appends a member name to a JSON path. Names that are not plain identifiers are bracketed, so that a
    /// preference named "a.b" cannot be mistaken for member b of a.
    /// </summary>
    internal static string JoinPath(string parentPath, string name)
    {
        bool plain = name.Length > 0
            && (char.IsLetter(name[0]) || name[0] == '_')
            && name.All(character => char.IsLetterOrDigit(character) || character == '_');
        if (!plain)
        {
            return parentPath + "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
        }

        return parentPath.Length == 0 ? name : parentPath + "." + name;
    }

    private static string JoinAlternatives(IReadOnlyList<string> names) =>
        names.Count == 1
            ? names[0]
            : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
}
