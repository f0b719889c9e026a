using System;
using System.Collections;
using System.Collections.Generic;

namespace CloudProtection.Json;

/// <summary>A JSON array.</summary>
internal sealed class JsonArray : JsonNode, IReadOnlyList<JsonNode>
{
    private readonly List<JsonNode> items = new();

    public override JsonNodeKind Kind => JsonNodeKind.Array;

    public int Count => items.Count;

    public JsonNode this[int index] => items[index];

    public void Add(JsonNode item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item), "Use a JsonNull for a JSON null.");
        }

        items.Add(item);
    }

    public IEnumerator<JsonNode> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
