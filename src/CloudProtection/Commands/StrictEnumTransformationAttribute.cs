using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace CloudProtection.Commands;

/// <summary>
/// Binds an enum parameter only to a full member name or a defined number. PowerShell's own conversion
/// accepts any unique prefix, so "-SubmitSamplesConsent Always" would silently mean AlwaysPrompt, which
/// once meant the opposite on older Windows.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class StrictEnumTransformationAttribute : ArgumentTransformationAttribute
{
    private readonly Type _enumType;

    public StrictEnumTransformationAttribute(Type enumType)
    {
        _enumType = enumType;
    }

    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        string names = string.Join(", ", Enum.GetValues(_enumType).Cast<object>().Select(member => $"{member} ({Convert.ToInt32(member, CultureInfo.InvariantCulture)})"));
        switch (value)
        {
            case null:
                throw new ArgumentTransformationMetadataException($"A {_enumType.Name} value is required. Valid values: {names}.");
            case Enum member when member.GetType() == _enumType:
                return member;
            case string text:
                return FromText(text.Trim(), names);
            case byte or sbyte or short or ushort or int or uint or long or ulong:
                return FromNumber(Convert.ToInt64(value, CultureInfo.InvariantCulture), value, names);
            default:
                throw new ArgumentTransformationMetadataException($"'{value}' is not a {_enumType.Name} value. Valid values: {names}.");
        }
    }

    private object FromText(string text, string names)
    {
        // Every name starts with the empty string, so an empty value would get a misleading abbreviation hint.
        if (text.Length == 0)
        {
            throw new ArgumentTransformationMetadataException($"A {_enumType.Name} value is required, but the value is empty. Valid values: {names}.");
        }

        string? exact = Enum.GetNames(_enumType).FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return Enum.Parse(_enumType, exact);
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number))
        {
            return FromNumber(number, text, names);
        }

        string[] matches = Enum.GetNames(_enumType).Where(name => name.StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToArray();
        string hint = matches.Length > 0 ? $" Abbreviations are not accepted; write the full name ({string.Join(" or ", matches)})." : string.Empty;
        throw new ArgumentTransformationMetadataException($"'{text}' is not a {_enumType.Name} value.{hint} Valid values: {names}.");
    }

    private object FromNumber(long number, object original, string names)
    {
        foreach (object member in Enum.GetValues(_enumType))
        {
            if (Convert.ToInt64(member, CultureInfo.InvariantCulture) == number)
            {
                return member;
            }
        }

        throw new ArgumentTransformationMetadataException($"{original} is not a defined {_enumType.Name} number. Valid values: {names}.");
    }
}
