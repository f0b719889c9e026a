namespace CloudProtection.PolicyFiles;

/// <summary>Registry value type as numbered in WinNT.h, which is how registry.pol stores it.</summary>
/// <remarks>Files may carry numbers outside this list; the reader keeps them as they are.</remarks>
public enum RegistryValueType : uint
{
    /// <summary>REG_NONE.</summary>
    None = 0,

    /// <summary>REG_SZ: a NUL-terminated UTF-16LE string.</summary>
    String = 1,

    /// <summary>REG_EXPAND_SZ: a UTF-16LE string with %variables%.</summary>
    ExpandString = 2,

    /// <summary>REG_BINARY.</summary>
    Binary = 3,

    /// <summary>REG_DWORD: a 32-bit little-endian number.</summary>
    DWord = 4,

    /// <summary>REG_DWORD_BIG_ENDIAN.</summary>
    DWordBigEndian = 5,

    /// <summary>REG_LINK.</summary>
    Link = 6,

    /// <summary>REG_MULTI_SZ: NUL-separated UTF-16LE strings ending in two NULs.</summary>
    MultiString = 7,

    /// <summary>REG_RESOURCE_LIST.</summary>
    ResourceList = 8,

    /// <summary>REG_FULL_RESOURCE_DESCRIPTOR.</summary>
    FullResourceDescriptor = 9,

    /// <summary>REG_RESOURCE_REQUIREMENTS_LIST.</summary>
    ResourceRequirementsList = 10,

    /// <summary>REG_QWORD: a 64-bit little-endian number.</summary>
    QWord = 11,
}
