namespace CloudProtection.Json;

/// <summary>A JSON value in a parsed or built document.</summary>
internal abstract class JsonNode
{
    public abstract JsonNodeKind Kind { get; }

    /// <summary>The 1-based line of the value's first character in the parsed text, or 0 for a value built in code.</summary>
    public int Line { get; internal set; }

    /// <summary>The 1-based column of the value's first character in the parsed text, or 0 for a value built in code.</summary>
    public int Column { get; internal set; }

    /// <summary>The kind with an article, for error messages: "an object", "a number", "null".</summary>
    public string KindDescription => DescribeKind(Kind);

    public static string DescribeKind(JsonNodeKind kind) => kind switch
    {
        JsonNodeKind.Object => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.String => "a string",
        JsonNodeKind.Number => "a number",
        JsonNodeKind.True => "true",
        JsonNodeKind.False => "false",
        _ => "null",
    };
}
