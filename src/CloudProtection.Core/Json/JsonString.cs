using System;

namespace CloudProtection.Json;

/// <summary>A JSON string, stored unescaped.</summary>
internal sealed class JsonString : JsonNode
{
    public JsonString(string value)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public override JsonNodeKind Kind => JsonNodeKind.String;

    public string Value { get; }
}
