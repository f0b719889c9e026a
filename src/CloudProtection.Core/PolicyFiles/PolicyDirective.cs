namespace CloudProtection.PolicyFiles;

/// <summary>The special meaning a registry.pol record carries through a value name that starts with "**".</summary>
public enum PolicyDirective
{
    /// <summary>An ordinary value; an empty name is the key's default value.</summary>
    None,

    /// <summary><c>**del.&lt;name&gt;</c>: deletes one value.</summary>
    DeleteValue,

    /// <summary><c>**delvals.</c>: deletes every value of the key, but not its subkeys.</summary>
    DeleteAllValues,

    /// <summary><c>**DeleteValues</c>: deletes the values whose names the data lists, separated by ';'.</summary>
    DeleteValues,

    /// <summary><c>**DeleteKeys</c>: deletes the subkeys that the data lists, separated by ';', with everything below them.</summary>
    DeleteKeys,

    /// <summary><c>**soft.&lt;name&gt;</c>: sets a value only when it does not exist yet.</summary>
    SoftValue,

    /// <summary><c>**SecureKey</c>: changes the key's permissions, which do not matter to the values read here.</summary>
    SecureKey,

    /// <summary>A "**" name that none of the other members matches.</summary>
    Unknown,
}
