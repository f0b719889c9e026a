namespace CloudProtection.PolicyFiles;

/// <summary>One set of Group Policy registry settings to apply: a bare registry.pol file or one GPO of a backup.</summary>
public sealed class GroupPolicySource
{
    public GroupPolicySource(string? displayName, string? gpoId, string sourcePath, PolicyFileContents contents)
    {
        DisplayName = displayName;
        GpoId = gpoId;
        SourcePath = sourcePath;
        Contents = contents;
    }

    /// <summary>The GPO display name; null for a bare registry.pol file.</summary>
    public string? DisplayName { get; }

    /// <summary>The GPO GUID in braces; null for a bare registry.pol file.</summary>
    public string? GpoId { get; }

    /// <summary>The registry.pol file, or the GPO's <c>{GUID}</c> backup folder.</summary>
    public string SourcePath { get; }

    /// <summary>The computer registry values and deletions the source sets.</summary>
    public PolicyFileContents Contents { get; }

    public override string ToString() => DisplayName ?? SourcePath;
}
