namespace CloudProtection.PolicyFiles;

/// <summary>What a <see cref="PolicyDeletion"/> removes.</summary>
public enum PolicyDeletionKind
{
    /// <summary>One value of one key.</summary>
    Value,

    /// <summary>Every value of one key; its subkeys stay.</summary>
    AllValues,

    /// <summary>A key with all its values and subkeys.</summary>
    KeyTree,
}
