using System;

namespace CloudProtection.PolicyFiles;

/// <summary>Recognizes the "**" control codes in registry.pol value names, without regard to case.</summary>
internal static class PolicyDirectiveParser
{
    private const string DeleteAllValuesName = "**delvals";
    private const string DeleteValuePrefix = "**del.";
    private const string SoftValuePrefix = "**soft.";
    private const string DeleteValuesName = "**DeleteValues";
    private const string DeleteKeysName = "**DeleteKeys";
    private const string SecureKeyName = "**SecureKey";

    /// <summary>Returns the directive of a value name and, for del. and soft., the name of the value it acts on.</summary>
    public static PolicyDirective Parse(string valueName, out string? targetValueName)
    {
        targetValueName = null;
        if (!valueName.StartsWith("**", StringComparison.Ordinal))
        {
            return PolicyDirective.None;
        }

        // Microsoft's format page allows a space after **DeleteKeys, and older files end **delvals with a dot.
        string trimmed = valueName.TrimEnd(' ');

        if (Matches(trimmed, DeleteAllValuesName) || Matches(trimmed, DeleteAllValuesName + "."))
        {
            return PolicyDirective.DeleteAllValues;
        }

        if (trimmed.StartsWith(DeleteValuePrefix, StringComparison.OrdinalIgnoreCase))
        {
            targetValueName = valueName.Substring(DeleteValuePrefix.Length);
            return PolicyDirective.DeleteValue;
        }

        if (trimmed.StartsWith(SoftValuePrefix, StringComparison.OrdinalIgnoreCase))
        {
            targetValueName = valueName.Substring(SoftValuePrefix.Length);
            return PolicyDirective.SoftValue;
        }

        if (Matches(trimmed, DeleteValuesName))
        {
            return PolicyDirective.DeleteValues;
        }

        if (Matches(trimmed, DeleteKeysName))
        {
            return PolicyDirective.DeleteKeys;
        }

        // Matched by prefix because Microsoft's format page writes "**SecureKey=1", which may put the flag in the name.
        if (trimmed.StartsWith(SecureKeyName, StringComparison.OrdinalIgnoreCase))
        {
            return PolicyDirective.SecureKey;
        }

        return PolicyDirective.Unknown;
    }

    private static bool Matches(string valueName, string directive) =>
        string.Equals(valueName, directive, StringComparison.OrdinalIgnoreCase);
}
