namespace CloudProtection.Json;

/// <summary>The kind of a JSON value, as RFC 8259 names them.</summary>
internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
