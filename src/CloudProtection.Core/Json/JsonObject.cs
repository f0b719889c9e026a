using System;
using System.Collections;
using System.Collections.Generic;

namespace CloudProtection.Json;

/// <summary>
/// A JSON object whose members keep the order in which they were added. Names are compared
/// ordinally (case-sensitive), and a name can occur only once.
/// </summary>
internal sealed class JsonObject : JsonNode, IEnumerable<KeyValuePair<string, JsonNode>>
{
    private readonly List<KeyValuePair<string, JsonNode>> members = new();
    private readonly Dictionary<string, JsonNode> membersByName = new(StringComparer.Ordinal);

    public override JsonNodeKind Kind => JsonNodeKind.Object;

    public int Count => members.Count;

    public JsonNode this[string name] => membersByName[name];

    /// <summary>Appends a member.</summary>
    /// <exception cref="ArgumentException">The object already has a member with this name.</exception>
    public void Add(string name, JsonNode value)
    {
        if (!TryAdd(name, value))
        {
            throw new ArgumentException($"The JSON object already has a member named '{name}'.", nameof(name));
        }
    }

    /// <summary>Appends a member unless one with the same name exists. Returns whether it was added.</summary>
    public bool TryAdd(string name, JsonNode value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value), "Use a JsonNull for a JSON null.");
        }

        if (membersByName.ContainsKey(name))
        {
            return false;
        }

        membersByName.Add(name, value);
        members.Add(new KeyValuePair<string, JsonNode>(name, value));
        return true;
    }

    public bool ContainsKey(string name) => membersByName.ContainsKey(name);

    public bool TryGetValue(string name, out JsonNode value) => membersByName.TryGetValue(name, out value!);

    public IEnumerator<KeyValuePair<string, JsonNode>> GetEnumerator() => members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
