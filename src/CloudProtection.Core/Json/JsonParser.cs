using System;
using System.Globalization;

namespace CloudProtection.Json;

/// <summary>
/// Parses JSON text strictly by RFC 8259: no comments, no trailing commas, no single quotes, one value
/// per document. A UTF-8 byte order mark (U+FEFF) is skipped at the start of the text only.
/// Every syntax error is a <see cref="JsonFormatException"/> with its line and column.
/// </summary>
internal sealed partial class JsonParser
{
    /// <summary>
    /// The default maximum nesting of objects and arrays. Snapshots nest at most four levels deep, and the
    /// limit keeps the recursive parser far from a stack overflow on hostile input.
    /// </summary>
    public const int DefaultMaxDepth = 64;

    private readonly string text;
    private readonly int maxDepth;
    private int position;
    private int line = 1;
    private int lineStart;
    private int depth;

    private JsonParser(string text, int maxDepth)
    {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    public static JsonNode Parse(string text) => Parse(text, DefaultMaxDepth);

    /// <param name="text">The whole JSON document.</param>
    /// <param name="maxDepth">How many objects and arrays may nest inside each other, counting the outermost.</param>
    /// <exception cref="JsonFormatException">The text is not one valid JSON value.</exception>
    public static JsonNode Parse(string text, int maxDepth)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (maxDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "The maximum depth must be at least 1.");
        }

        return new JsonParser(text, maxDepth).ParseDocument();
    }

    private bool AtEnd => position >= text.Length;

    private JsonNode ParseDocument()
    {
        // The byte order mark is invisible in editors, so columns on the first line start after it.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            position = 1;
            lineStart = 1;
        }

        SkipWhitespace();
        JsonNode root = ParseValue();

        SkipWhitespace();
        if (!AtEnd)
        {
            throw Unexpected("Expected the end of the input after the JSON value");
        }

        return root;
    }

    /// <summary>Parses the value at the current position, which the caller has moved past whitespace.</summary>
    private JsonNode ParseValue()
    {
        if (AtEnd)
        {
            throw Unexpected("Expected a JSON value");
        }

        switch (text[position])
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                return ParseString();
            case 't':
                return ParseLiteral("true", new JsonBoolean(true));
            case 'f':
                return ParseLiteral("false", new JsonBoolean(false));
            case 'n':
                return ParseLiteral("null", new JsonNull());
            case '-':
            case >= '0' and <= '9':
                return ParseNumber();
            default:
                throw Unexpected("Expected a JSON value");
        }
    }

    private JsonObject ParseObject()
    {
        JsonObject result = Start(new JsonObject());
        EnterContainer();
        position++;

        SkipWhitespace();
        if (TryConsume('}'))
        {
            depth--;
            return result;
        }

        while (true)
        {
            if (AtEnd || text[position] != '"')
            {
                throw Unexpected("Expected a property name in double quotes");
            }

            int nameLine = line;
            int nameColumn = CurrentColumn;
            string name = ReadString();
            if (result.ContainsKey(name))
            {
                throw new JsonFormatException($"Duplicate property name '{name}'", nameLine, nameColumn);
            }

            SkipWhitespace();
            if (!TryConsume(':'))
            {
                throw Unexpected("Expected ':' after the property name");
            }

            SkipWhitespace();
            result.Add(name, ParseValue());

            SkipWhitespace();
            if (TryConsume('}'))
            {
                break;
            }

            int commaLine = line;
            int commaColumn = CurrentColumn;
            if (!TryConsume(','))
            {
                throw Unexpected("Expected ',' or '}' after an object member");
            }

            SkipWhitespace();
            if (!AtEnd && text[position] == '}')
            {
                throw new JsonFormatException("A trailing comma is not allowed before '}'", commaLine, commaColumn);
            }
        }

        depth--;
        return result;
    }

    private JsonArray ParseArray()
    {
        JsonArray result = Start(new JsonArray());
        EnterContainer();
        position++;

        SkipWhitespace();
        if (TryConsume(']'))
        {
            depth--;
            return result;
        }

        while (true)
        {
            result.Add(ParseValue());

            SkipWhitespace();
            if (TryConsume(']'))
            {
                break;
            }

            int commaLine = line;
            int commaColumn = CurrentColumn;
            if (!TryConsume(','))
            {
                throw Unexpected("Expected ',' or ']' after an array element");
            }

            SkipWhitespace();
            if (!AtEnd && text[position] == ']')
            {
                throw new JsonFormatException("A trailing comma is not allowed before ']'", commaLine, commaColumn);
            }
        }

        depth--;
        return result;
    }

    private void EnterContainer()
    {
        if (depth == maxDepth)
        {
            throw Error(string.Format(
                CultureInfo.InvariantCulture,
                "Objects and arrays are nested more than {0} levels deep, the maximum this reader accepts",
                maxDepth));
        }

        depth++;
    }

    /// <summary>Moves past the four whitespace characters that RFC 8259 allows, counting line breaks.</summary>
    private void SkipWhitespace()
    {
        while (!AtEnd)
        {
            char character = text[position];
            if (character == '\n' || (character == '\r' && (position + 1 == text.Length || text[position + 1] != '\n')))
            {
                // CRLF counts once, at its LF. A lone CR also ends a line, as in classic Mac OS files.
                line++;
                lineStart = position + 1;
            }
            else if (character != ' ' && character != '\t' && character != '\r')
            {
                return;
            }

            position++;
        }
    }

    private bool TryConsume(char expected)
    {
        if (AtEnd || text[position] != expected)
        {
            return false;
        }

        position++;
        return true;
    }

    private int CurrentColumn => position - lineStart + 1;

    private T Start<T>(T node)
        where T : JsonNode
    {
        node.Line = line;
        node.Column = CurrentColumn;
        return node;
    }

    private JsonFormatException Error(string description) => new(description, line, CurrentColumn);

    /// <summary>Builds the error for an unexpected character (or end of input) at the current position.</summary>
    private JsonFormatException Unexpected(string expectation)
    {
        bool startsComment = position + 1 < text.Length
            && text[position] == '/'
            && (text[position + 1] == '/' || text[position + 1] == '*');
        if (startsComment)
        {
            return Error("Comments are not allowed in JSON");
        }

        return Error(expectation + " but found " + DescribeCurrent());
    }

    /// <summary>Names the character at the current position the way a reader can find it in an editor.</summary>
    private string DescribeCurrent()
    {
        if (AtEnd)
        {
            return "the end of the input";
        }

        char character = text[position];
        if (char.IsHighSurrogate(character) && position + 1 < text.Length && char.IsLowSurrogate(text[position + 1]))
        {
            return "'" + text.Substring(position, 2) + "'";
        }

        if (char.IsControl(character) || char.IsWhiteSpace(character) || char.IsSurrogate(character) || character == '\uFEFF')
        {
            return "U+" + ((int)character).ToString("X4", CultureInfo.InvariantCulture);
        }

        return "'" + character + "'";
    }
}
