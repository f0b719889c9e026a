using System;
using CloudProtection.Json;
using Xunit;

namespace CloudProtection.Core.Tests.Json;

public class JsonWriterTests
{
    [Fact]
    public void Write_SmallDocumentExactText()
    {
        JsonArray list = new();
        list.Add(JsonNumber.FromInt64(1));
        list.Add(new JsonString("two"));
        list.Add(new JsonNull());
        JsonObject document = new();
        document.Add("name", new JsonString("WS-0142"));
        document.Add("enabled", new JsonBoolean(true));
        document.Add("off", new JsonBoolean(false));
        document.Add("list", list);
        document.Add("empty", new JsonObject());
        document.Add("none", new JsonArray());

        string text = JsonWriter.Write(document);

        string expected =
            "{\n"
            + "  \"name\": \"WS-0142\",\n"
            + "  \"enabled\": true,\n"
            + "  \"off\": false,\n"
            + "  \"list\": [\n"
            + "    1,\n"
            + "    \"two\",\n"
            + "    null\n"
            + "  ],\n"
            + "  \"empty\": {},\n"
            + "  \"none\": []\n"
            + "}";
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote \" backslash \\ slash /", "\"quote \\\" backslash \\\\ slash /\"")]
    [InlineData("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("\u0000\u001f\u0001", "\"\\u0000\\u001f\\u0001\"")]
    [InlineData("café 中 \U0001F600", "\"café 中 \U0001F600\"")]
    public void Write_StringEscapes(string value, string expected)
    {
        Assert.Equal(expected, JsonWriter.Write(new JsonString(value)));
    }

    // Attribute arguments are stored as UTF-8, which cannot carry a lone surrogate, so these cases cannot be InlineData.
    [Fact]
    public void Write_LoneSurrogatesEscaped()
    {
        Assert.Equal("\"\\ud800\"", JsonWriter.Write(new JsonString("\uD800")));
        Assert.Equal("\"x\\udc00\"", JsonWriter.Write(new JsonString("x\uDC00")));
        Assert.Equal("\"\\udc00\\ud800\"", JsonWriter.Write(new JsonString("\uDC00\uD800")));
    }

    [Fact]
    public void Write_NumberLiteralUnchanged()
    {
        JsonNode number = JsonParser.Parse("-1.250E+07");

        Assert.Equal("-1.250E+07", JsonWriter.Write(number));
    }

    [Fact]
    public void Write_ParseRoundTrip()
    {
        string text = "{\n  \"a\": [\n    {\n      \"b\": \"\\u0007\\n\"\n    },\n    0.5\n  ]\n}";

        string rewritten = JsonWriter.Write(JsonParser.Parse(text));

        Assert.Equal(text, rewritten);
    }

    [Fact]
    public void Write_NoCarriageReturns()
    {
        JsonObject document = new();
        document.Add("a", new JsonArray());
        document.Add("b", JsonNumber.FromInt64(1));

        Assert.DoesNotContain("\r", JsonWriter.Write(document));
    }

    [Fact]
    public void Add_DuplicateNameThrows()
    {
        JsonObject document = new();
        document.Add("a", new JsonNull());

        Assert.Throws<ArgumentException>(() => document.Add("a", new JsonNull()));
        Assert.False(document.TryAdd("a", new JsonNull()));
        Assert.True(document.TryAdd("A", new JsonNull()));
    }
}
