using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CloudProtection.Json;

/// <summary>
/// Writes a JSON document indented by two spaces with <c>\n</c> line breaks, so the same tree always
/// gives the same text whatever the platform or culture. Members keep their order.
/// </summary>
internal static class JsonWriter
{
    private const string Indentation = "  ";

    /// <summary>Formats the tree as text without a trailing line break.</summary>
    public static string Write(JsonNode node)
    {
        if (node is null)
        {
            throw new ArgumentNullException(nameof(node));
        }

        StringBuilder builder = new();
        WriteNode(builder, node, level: 0);
        return builder.ToString();
    }

    private static void WriteNode(StringBuilder builder, JsonNode node, int level)
    {
        switch (node)
        {
            case JsonObject jsonObject:
                WriteObject(builder, jsonObject, level);
                break;
            case JsonArray array:
                WriteArray(builder, array, level);
                break;
            case JsonString jsonString:
                WriteString(builder, jsonString.Value);
                break;
            case JsonNumber number:
                builder.Append(number.Text);
                break;
            case JsonBoolean boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            case JsonNull:
                builder.Append("null");
                break;
            default:
                throw new ArgumentException($"Unknown JSON node type {node.GetType().FullName}.", nameof(node));
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject jsonObject, int level)
    {
        if (jsonObject.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append('{');
        bool first = true;
        foreach (KeyValuePair<string, JsonNode> member in jsonObject)
        {
            builder.Append(first ? "\n" : ",\n");
            first = false;

            AppendIndentation(builder, level + 1);
            WriteString(builder, member.Key);
            builder.Append(": ");
            WriteNode(builder, member.Value, level + 1);
        }

        builder.Append('\n');
        AppendIndentation(builder, level);
        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, JsonArray array, int level)
    {
        if (array.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        builder.Append('[');
        for (int index = 0; index < array.Count; index++)
        {
            builder.Append(index == 0 ? "\n" : ",\n");
            AppendIndentation(builder, level + 1);
            WriteNode(builder, array[index], level + 1);
        }

        builder.Append('\n');
        AppendIndentation(builder, level);
        builder.Append(']');
    }

    private static void AppendIndentation(StringBuilder builder, int level)
    {
        for (int step = 0; step < level; step++)
        {
            builder.Append(Indentation);
        }
    }

    /// <summary>
    /// Writes a quoted string. Control characters are escaped because JSON forbids them raw, and lone
    /// surrogates are escaped because UTF-8 cannot encode them.
    /// </summary>
    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (int index = 0; index < value.Length; index++)
        {
            char character = value[index];
            switch (character)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (character < ' ' || IsLoneSurrogate(value, index))
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static bool IsLoneSurrogate(string value, int index)
    {
        char character = value[index];
        if (char.IsHighSurrogate(character))
        {
            return index + 1 == value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        if (char.IsLowSurrogate(character))
        {
            return index == 0 || !char.IsHighSurrogate(value[index - 1]);
        }

        return false;
    }
}
