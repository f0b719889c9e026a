namespace CloudProtection.Snapshots;

/// <summary>The property names of snapshot format version 1, shared by the reader and the writer.</summary>
internal static class SnapshotFields
{
    public const string Format = "format";
    public const string Version = "version";
    public const string ComputerName = "computerName";
    public const string CapturedAt = "capturedAt";

    public const string Preference = "preference";
    public const string MdmWinningProviders = "mdmWinningProviders";
    public const string ComputerStatus = "computerStatus";
    public const string Registry = "registry";
    public const string PolicyRecords = "policyRecords";

    // Members of the preference, computerStatus and policyRecords objects.
    public const string Status = "status";
    public const string Error = "error";
    public const string Values = "values";
    public const string Records = "records";

    // Members of a registry entry and a policy record.
    public const string Key = "key";
    public const string Name = "name";
    public const string State = "state";
    public const string Value = "value";
    public const string GpoName = "gpoName";
    public const string GpoId = "gpoId";
    public const string SourcePath = "sourcePath";

    // Members of computerStatus, named as MSFT_MpComputerStatus names them.
    public const string IsTamperProtected = "IsTamperProtected";
    public const string AMRunningMode = "AMRunningMode";
    public const string AMServiceEnabled = "AMServiceEnabled";
    public const string RealTimeProtectionEnabled = "RealTimeProtectionEnabled";
    public const string IoavProtectionEnabled = "IoavProtectionEnabled";
    public const string AMProductVersion = "AMProductVersion";
    public const string AMEngineVersion = "AMEngineVersion";

    /// <summary>
    /// The text form of capturedAt: ISO 8601 with the offset, and fractional seconds only when there are any,
    /// such as 2026-11-30T08:15:00+00:00.
    /// </summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>The same with a trailing Z for UTC, as other tools write it. Only the reader uses it.</summary>
    public const string UtcTimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
}
