using System;

namespace CloudProtection.PolicyFiles;

/// <summary>A deletion that a registry.pol file requests, applied to whatever registry the file is applied to.</summary>
public sealed class PolicyDeletion : IEquatable<PolicyDeletion>
{
    private PolicyDeletion(PolicyDeletionKind kind, string key, string? valueName)
    {
        Kind = kind;
        Key = Settings.RegistryPaths.Normalize(key);
        ValueName = valueName;
    }

    public PolicyDeletionKind Kind { get; }

    /// <summary>Key path without a hive: the value's key, or the root of the deleted tree.</summary>
    public string Key { get; }

    /// <summary>The deleted value's name when <see cref="Kind"/> is Value; otherwise null.</summary>
    public string? ValueName { get; }

    public static PolicyDeletion Value(string key, string valueName) => new(PolicyDeletionKind.Value, key, valueName);

    public static PolicyDeletion AllValues(string key) => new(PolicyDeletionKind.AllValues, key, null);

    public static PolicyDeletion KeyTree(string key) => new(PolicyDeletionKind.KeyTree, key, null);

    /// <summary>Returns whether this deletion removes the value <paramref name="valueName"/> of <paramref name="key"/>.</summary>
    public bool Removes(string key, string valueName) => Kind switch
    {
        PolicyDeletionKind.Value => Settings.RegistryPaths.KeyEquals(key, Key)
            && string.Equals(valueName, ValueName, StringComparison.OrdinalIgnoreCase),
        PolicyDeletionKind.AllValues => Settings.RegistryPaths.KeyEquals(key, Key),
        _ => RegistryKeyPaths.IsSameOrBelow(key, Key),
    };

    public bool Equals(PolicyDeletion? other) =>
        other is not null
        && Kind == other.Kind
        && Settings.RegistryPaths.KeyEquals(Key, other.Key)
        && string.Equals(ValueName, other.ValueName, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as PolicyDeletion);

    public override int GetHashCode() =>
        ((int)Kind * 397) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Key);

    public override string ToString() => Kind switch
    {
        PolicyDeletionKind.Value => $"delete value {Key}\\{ValueName}",
        PolicyDeletionKind.AllValues => $"delete all values of {Key}",
        _ => $"delete key {Key} and its subkeys",
    };
}
