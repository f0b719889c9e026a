namespace CloudProtection.Json;

/// <summary>The JSON literal true or false.</summary>
internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(bool value)
    {
        Value = value;
    }

    public override JsonNodeKind Kind => Value ? JsonNodeKind.True : JsonNodeKind.False;

    public bool Value { get; }
}
