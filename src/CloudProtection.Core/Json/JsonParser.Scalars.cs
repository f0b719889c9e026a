using System.Globalization;
using System.Text;

namespace CloudProtection.Json;

internal sealed partial class JsonParser
{
    private JsonString ParseString()
    {
        int startLine = line;
        int startColumn = CurrentColumn;
        string value = ReadString();
        return new JsonString(value) { Line = startLine, Column = startColumn };
    }

    /// <summary>Reads a string token starting at its opening quote and returns it unescaped.</summary>
    private string ReadString()
    {
        int openingLine = line;
        int openingColumn = CurrentColumn;
        position++;

        StringBuilder builder = new();
        while (true)
        {
            if (AtEnd)
            {
                throw new JsonFormatException(
                    "The string has no closing '\"' before the end of the input", openingLine, openingColumn);
            }

            char character = text[position];
            if (character == '"')
            {
                position++;
                return builder.ToString();
            }

            if (character < ' ')
            {
                throw Error("Control character " + DescribeCurrent() + " must be escaped in a string");
            }

            if (character == '\\')
            {
                builder.Append(ReadEscape());
                continue;
            }

            builder.Append(character);
            position++;
        }
    }

    /// <summary>
    /// Reads one escape sequence starting at its backslash. A \u escape yields one UTF-16 code unit, so
    /// a surrogate pair written as two escapes becomes one character outside the Basic Multilingual Plane.
    /// Lone surrogates pass through, as the RFC 8259 grammar allows them.
    /// </summary>
    private char ReadEscape()
    {
        int backslashColumn = CurrentColumn;
        position++;
        if (AtEnd)
        {
            throw Unexpected("Expected an escape character after '\\'");
        }

        char escape = text[position];
        position++;
        switch (escape)
        {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return ReadHexEscape(backslashColumn);
            default:
                position--;
                throw new JsonFormatException(
                    "Invalid escape sequence '\\" + (char.IsControl(escape) ? DescribeCurrent() : escape.ToString()) + "'",
                    line,
                    backslashColumn);
        }
    }

    private char ReadHexEscape(int backslashColumn)
    {
        int code = 0;
        for (int digitIndex = 0; digitIndex < 4; digitIndex++)
        {
            int digit = AtEnd ? -1 : HexDigitValue(text[position]);
            if (digit < 0)
            {
                throw new JsonFormatException(
                    "Invalid \\u escape: expected four hexadecimal digits after '\\u'", line, backslashColumn);
            }

            code = (code * 16) + digit;
            position++;
        }

        return (char)code;
    }

    private static int HexDigitValue(char character) => character switch
    {
        >= '0' and <= '9' => character - '0',
        >= 'a' and <= 'f' => character - 'a' + 10,
        >= 'A' and <= 'F' => character - 'A' + 10,
        _ => -1,
    };

    /// <summary>Scans a number by the RFC 8259 grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</summary>
    private JsonNumber ParseNumber()
    {
        int start = position;
        int startColumn = CurrentColumn;
        TryConsume('-');

        if (AtEnd || !IsDigit(text[position]))
        {
            throw Unexpected("Expected a digit after '-'");
        }

        if (TryConsume('0'))
        {
            if (!AtEnd && IsDigit(text[position]))
            {
                throw new JsonFormatException("A number must not start with a leading zero", line, startColumn);
            }
        }
        else
        {
            SkipDigits();
        }

        if (TryConsume('.'))
        {
            if (AtEnd || !IsDigit(text[position]))
            {
                throw Unexpected("Expected a digit after the decimal point");
            }

            SkipDigits();
        }

        if (TryConsume('e') || TryConsume('E'))
        {
            if (!TryConsume('+'))
            {
                TryConsume('-');
            }

            if (AtEnd || !IsDigit(text[position]))
            {
                throw Unexpected("Expected a digit in the exponent");
            }

            SkipDigits();
        }

        JsonNumber number = JsonNumber.FromValidatedLiteral(text.Substring(start, position - start));
        number.Line = line;
        number.Column = startColumn;
        return number;
    }

    private void SkipDigits()
    {
        while (!AtEnd && IsDigit(text[position]))
        {
            position++;
        }
    }

    private static bool IsDigit(char character) => character >= '0' && character <= '9';

    private JsonNode ParseLiteral(string literal, JsonNode node)
    {
        if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
        {
            throw Error(string.Format(CultureInfo.InvariantCulture, "Invalid literal: expected '{0}'", literal));
        }

        Start(node);
        position += literal.Length;
        return node;
    }
}
