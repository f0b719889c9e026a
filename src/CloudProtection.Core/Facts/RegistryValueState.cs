namespace CloudProtection.Facts;

/// <summary>What reading one registry value found.</summary>
public enum RegistryValueState
{
    /// <summary>The value exists and is a REG_DWORD.</summary>
    Present,

    /// <summary>The value or its key does not exist: the channel does not configure the setting.</summary>
    Absent,

    /// <summary>The value exists but is not a REG_DWORD, so Defender's reading of it is unknown.</summary>
    WrongType,

    /// <summary>The read failed (access denied, provider error): nothing is known about the value.</summary>
    Unreadable,
}
