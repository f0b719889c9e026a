using System.Linq;
using CloudProtection.Json;
using Xunit;

namespace CloudProtection.Core.Tests.Json;

public class JsonParserTests
{
    [Theory]
    [InlineData("{}", "Object")]
    [InlineData("[]", "Array")]
    [InlineData("\"text\"", "String")]
    [InlineData("-12.5e+3", "Number")]
    [InlineData("true", "True")]
    [InlineData("false", "False")]
    [InlineData("null", "Null")]
    [InlineData(" \t\r\n 0 \r\n", "Number")]
    [InlineData("\uFEFF{}", "Object")]
    public void Parse_ValidDocument(string text, string expectedKind)
    {
        JsonNode node = JsonParser.Parse(text);

        Assert.Equal(expectedKind, node.Kind.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("10")]
    [InlineData("0.25")]
    [InlineData("1E5")]
    [InlineData("1e-5")]
    [InlineData("-3.5E+10")]
    [InlineData("123456789012345678901234567890")]
    public void Parse_NumberKeepsLiteral(string text)
    {
        JsonNumber number = Assert.IsType<JsonNumber>(JsonParser.Parse(text));

        Assert.Equal(text, number.Text);
    }

    [Fact]
    public void Parse_ObjectKeepsMemberOrder()
    {
        JsonObject result = Assert.IsType<JsonObject>(JsonParser.Parse("""{"b": 1, "a": [true, null], "c": {}}"""));

        Assert.Equal(new[] { "b", "a", "c" }, result.Select(member => member.Key));
        Assert.Equal("1", Assert.IsType<JsonNumber>(result["b"]).Text);
        JsonArray array = Assert.IsType<JsonArray>(result["a"]);
        Assert.Equal(JsonNodeKind.True, array[0].Kind);
        Assert.Equal(JsonNodeKind.Null, array[1].Kind);
        Assert.Equal(0, Assert.IsType<JsonObject>(result["c"]).Count);
    }

    [Fact]
    public void Parse_NamesAreCaseSensitive()
    {
        JsonObject result = Assert.IsType<JsonObject>(JsonParser.Parse("""{"Name": 1, "name": 2}"""));

        Assert.Equal(2, result.Count);
        Assert.False(result.ContainsKey("NAME"));
    }

    [Fact]
    public void Parse_RecordsNodePositions()
    {
        JsonObject result = Assert.IsType<JsonObject>(JsonParser.Parse("{\n  \"a\": [\r\n    7\n  ]\n}"));
        JsonArray array = Assert.IsType<JsonArray>(result["a"]);

        Assert.Equal((1, 1), (result.Line, result.Column));
        Assert.Equal((2, 8), (array.Line, array.Column));
        Assert.Equal((3, 5), (array[0].Line, array[0].Column));
    }

    [Fact]
    public void Parse_ByteOrderMarkNotCountedAsColumn()
    {
        JsonNode node = JsonParser.Parse("\uFEFF  1");

        Assert.Equal(3, node.Column);
    }

    [Theory]
    [InlineData("", 1, 1, "Expected a JSON value but found the end of the input")]
    [InlineData("   ", 1, 4, "Expected a JSON value but found the end of the input")]
    [InlineData("{\"a\": 1\n  \"b\": 2}", 2, 3, "Expected ',' or '}' after an object member but found '\"'")]
    [InlineData("[1 2]", 1, 4, "Expected ',' or ']' after an array element but found '2'")]
    [InlineData("{\"a\": 1,}", 1, 8, "A trailing comma is not allowed before '}'")]
    [InlineData("[1,\n]", 1, 3, "A trailing comma is not allowed before ']'")]
    [InlineData("{a: 1}", 1, 2, "Expected a property name in double quotes but found 'a'")]
    [InlineData("{'a': 1}", 1, 2, "Expected a property name in double quotes but found '''")]
    [InlineData("{\"a\" 1}", 1, 6, "Expected ':' after the property name but found '1'")]
    [InlineData("{\"a\": }", 1, 7, "Expected a JSON value but found '}'")]
    [InlineData("{\"a\": 1, \"a\": 2}", 1, 10, "Duplicate property name 'a'")]
    [InlineData("{\"a\": 1", 1, 8, "Expected ',' or '}' after an object member but found the end of the input")]
    [InlineData("[1", 1, 3, "Expected ',' or ']' after an array element but found the end of the input")]
    [InlineData("{} {}", 1, 4, "Expected the end of the input after the JSON value but found '{'")]
    [InlineData("// note\n1", 1, 1, "Comments are not allowed in JSON")]
    [InlineData("[1, /* note */ 2]", 1, 5, "Comments are not allowed in JSON")]
    [InlineData("tru", 1, 1, "Invalid literal: expected 'true'")]
    [InlineData("[nul]", 1, 2, "Invalid literal: expected 'null'")]
    [InlineData("True", 1, 1, "Expected a JSON value but found 'T'")]
    [InlineData("01", 1, 1, "A number must not start with a leading zero")]
    [InlineData("-", 1, 2, "Expected a digit after '-' but found the end of the input")]
    [InlineData("-a", 1, 2, "Expected a digit after '-' but found 'a'")]
    [InlineData("1.", 1, 3, "Expected a digit after the decimal point but found the end of the input")]
    [InlineData("1.e5", 1, 3, "Expected a digit after the decimal point but found 'e'")]
    [InlineData("1e+", 1, 4, "Expected a digit in the exponent but found the end of the input")]
    [InlineData("+1", 1, 1, "Expected a JSON value but found '+'")]
    [InlineData(".5", 1, 1, "Expected a JSON value but found '.'")]
    [InlineData("\"abc", 1, 1, "The string has no closing '\"' before the end of the input")]
    [InlineData("[\"a\nb\"]", 1, 4, "Control character U+000A must be escaped in a string")]
    [InlineData("\"a\\x\"", 1, 3, "Invalid escape sequence '\\x'")]
    [InlineData("\"\\u12G4\"", 1, 2, "Invalid \\u escape: expected four hexadecimal digits after '\\u'")]
    [InlineData("\"\\u12", 1, 2, "Invalid \\u escape: expected four hexadecimal digits after '\\u'")]
    [InlineData("\"\\", 1, 3, "Expected an escape character after '\\' but found the end of the input")]
    [InlineData("\r\n\r\n  [1,,2]", 3, 6, "Expected a JSON value but found ','")]
    [InlineData("\r\r[x]", 3, 2, "Expected a JSON value but found 'x'")]
    [InlineData("[\u00A0]", 1, 2, "Expected a JSON value but found U+00A0")]
    [InlineData("1\uFEFF", 1, 2, "Expected the end of the input after the JSON value but found U+FEFF")]
    public void Parse_SyntaxError(string text, int line, int column, string description)
    {
        JsonFormatException error = Assert.Throws<JsonFormatException>(() => JsonParser.Parse(text));

        Assert.Equal(description, error.Description);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Parse_ErrorMessageEndsWithPosition()
    {
        string text = "{\n  \"a\": 1\n  \"b\": 2\n}";

        JsonFormatException error = Assert.Throws<JsonFormatException>(() => JsonParser.Parse(text));

        Assert.Equal("Expected ',' or '}' after an object member but found '\"' at line 3, column 3.", error.Message);
    }

    [Theory]
    [InlineData("\"\\\"\"", "\"")]
    [InlineData("\"\\\\\"", "\\")]
    [InlineData("\"\\/\"", "/")]
    [InlineData("\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t")]
    [InlineData("\"\\u0041\\u00e9\\u00E9\"", "Aéé")]
    [InlineData("\"\\u0000\"", "\0")]
    [InlineData("\"caf\u00e9 \u4e2d\"", "café 中")]
    public void Parse_StringEscape(string text, string expected)
    {
        JsonString result = Assert.IsType<JsonString>(JsonParser.Parse(text));

        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Parse_SurrogatePairEscape()
    {
        JsonString result = Assert.IsType<JsonString>(JsonParser.Parse("\"\\ud83d\\ude00\""));

        Assert.Equal("\U0001F600", result.Value);
        Assert.Equal(0x1F600, char.ConvertToUtf32(result.Value, 0));
    }

    [Fact]
    public void Parse_LoneSurrogateEscapeKept()
    {
        JsonString result = Assert.IsType<JsonString>(JsonParser.Parse("\"\\uD800x\""));

        Assert.Equal("\uD800x", result.Value);
    }

    [Fact]
    public void Parse_DepthAtLimit()
    {
        string text = new string('[', 64) + new string(']', 64);

        JsonNode node = JsonParser.Parse(text);

        Assert.Equal(JsonNodeKind.Array, node.Kind);
    }

    [Fact]
    public void Parse_DepthOverLimit()
    {
        string text = new string('[', 65) + new string(']', 65);

        JsonFormatException error = Assert.Throws<JsonFormatException>(() => JsonParser.Parse(text));

        Assert.Contains("nested more than 64 levels deep", error.Message);
        Assert.Equal(1, error.Line);
        Assert.Equal(65, error.Column);
    }

    [Fact]
    public void Parse_DepthCountsObjects()
    {
        string text = string.Concat(Enumerable.Repeat("{\"a\":", 3)) + "1" + new string('}', 3);

        Assert.Throws<JsonFormatException>(() => JsonParser.Parse(text, maxDepth: 2));
        Assert.IsType<JsonObject>(JsonParser.Parse(text, maxDepth: 3));
    }

    [Fact]
    public void Parse_DeepInputNoStackOverflow()
    {
        string text = new string('[', 100_000);

        JsonFormatException error = Assert.Throws<JsonFormatException>(() => JsonParser.Parse(text));

        Assert.Equal(65, error.Column);
    }
}
