namespace CloudProtection.Facts;

/// <summary>
/// Evidence that a Group Policy object set a value under the Policies key: an RSOP_RegistryPolicySetting
/// row on a live machine, or a record of a registry.pol file that was read.
/// </summary>
public sealed class PolicyRecord
{
    public PolicyRecord(string key, string valueName, string? gpoName, string? gpoId, string? sourcePath)
    {
        Key = Settings.RegistryPaths.Normalize(key);
        ValueName = valueName;
        GpoName = gpoName;
        GpoId = gpoId;
        SourcePath = sourcePath;
    }

    public string Key { get; }

    public string ValueName { get; }

    /// <summary>The GPO display name, when RSOP or the backup's manifest gives one.</summary>
    public string? GpoName { get; }

    /// <summary>The GPO GUID in braces, when known.</summary>
    public string? GpoId { get; }

    /// <summary>The registry.pol file or backup folder the value came from; null for RSOP rows.</summary>
    public string? SourcePath { get; }
}
