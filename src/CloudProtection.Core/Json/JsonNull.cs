namespace CloudProtection.Json;

/// <summary>The JSON literal null.</summary>
internal sealed class JsonNull : JsonNode
{
    public override JsonNodeKind Kind => JsonNodeKind.Null;
}
