using System;
using System.Globalization;

namespace CloudProtection.Json;

/// <summary>A syntax error in JSON text, with the place where the parser found it.</summary>
internal sealed class JsonFormatException : FormatException
{
    public JsonFormatException(string description, int line, int column)
        : base(string.Format(CultureInfo.InvariantCulture, "{0} at line {1}, column {2}.", description, line, column))
    {
        Description = description;
        Line = line;
        Column = column;
    }

    /// <summary>The message without its position, such as "Expected ':' after the property name but found '}'".</summary>
    public string Description { get; }

    /// <summary>The 1-based line of the offending character.</summary>
    public int Line { get; }

    /// <summary>
    /// The 1-based column of the offending character, counted in UTF-16 code units, so a tab counts as one
    /// and a character outside the Basic Multilingual Plane as two.
    /// </summary>
    public int Column { get; }
}
