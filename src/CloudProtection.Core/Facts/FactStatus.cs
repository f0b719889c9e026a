namespace CloudProtection.Facts;

/// <summary>Whether a group of facts (preference, computer status, RSOP) was read.</summary>
public enum FactStatus
{
    /// <summary>Read without error.</summary>
    Read,

    /// <summary>Not read because the source of the facts has none: a Group Policy file, say, has no MSFT_MpPreference.</summary>
    NotCollected,

    /// <summary>Reading failed, and <c>Error</c> contains the reason.</summary>
    Failed,
}
