namespace CloudProtection.Facts;

/// <summary>One registry value under HKEY_LOCAL_MACHINE as it was read, with the outcome of the read.</summary>
public sealed class RegistryValueFact
{
    public RegistryValueFact(string key, string valueName, RegistryValueState state, uint? value = null, string? error = null)
    {
        Key = Settings.RegistryPaths.Normalize(key);
        ValueName = valueName;
        State = state;
        Value = value;
        Error = error;
    }

    /// <summary>Key path under HKEY_LOCAL_MACHINE, without the hive.</summary>
    public string Key { get; }

    public string ValueName { get; }

    public RegistryValueState State { get; }

    /// <summary>The DWORD when <see cref="State"/> is Present.</summary>
    public uint? Value { get; }

    /// <summary>Why the read failed, such as "StdRegProv returned 5 (access denied)".</summary>
    public string? Error { get; }

    public string FullPath => "HKLM\\" + Key + "\\" + ValueName;

    public static RegistryValueFact Present(string key, string valueName, uint value) =>
        new(key, valueName, RegistryValueState.Present, value);

    public static RegistryValueFact Absent(string key, string valueName) =>
        new(key, valueName, RegistryValueState.Absent);

    public static RegistryValueFact Unreadable(string key, string valueName, string error) =>
        new(key, valueName, RegistryValueState.Unreadable, error: error);

    public override string ToString() => State == RegistryValueState.Present ? $"{FullPath} = {Value}" : $"{FullPath}: {State}";
}
