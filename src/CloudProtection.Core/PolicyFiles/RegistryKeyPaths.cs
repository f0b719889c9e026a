using System;

namespace CloudProtection.PolicyFiles;

/// <summary>Key path tests that <see cref="Settings.RegistryPaths"/> lacks.</summary>
internal static class RegistryKeyPaths
{
    /// <summary>Prefix of every key that Group Policy, MDM and Configuration Manager write policies under.</summary>
    public const string PoliciesPrefix = @"SOFTWARE\Policies\";

    /// <summary>Returns whether <paramref name="key"/> is <paramref name="root"/> or one of its subkeys, without regard to case.</summary>
    public static bool IsSameOrBelow(string key, string root)
    {
        string normalizedKey = Settings.RegistryPaths.Normalize(key);
        string normalizedRoot = Settings.RegistryPaths.Normalize(root);

        return string.Equals(normalizedKey, normalizedRoot, StringComparison.OrdinalIgnoreCase)
            || normalizedKey.StartsWith(normalizedRoot + "\\", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Returns whether a key lies below SOFTWARE\Policies, the only place the module reads policies from.</summary>
    public static bool IsUnderPolicies(string key) =>
        Settings.RegistryPaths.Normalize(key).StartsWith(PoliciesPrefix, StringComparison.OrdinalIgnoreCase);
}
