namespace CloudProtection.Facts;

/// <summary>The MSFT_MpComputerStatus properties that decide whether cloud protection can work.</summary>
public sealed class ComputerStatusFacts
{
    public bool? IsTamperProtected { get; set; }

    /// <summary>"Normal", "Passive", "EDR Block Mode" or "SxS Passive Mode"; null on platforms that lack the property.</summary>
    public string? AMRunningMode { get; set; }

    public bool? AMServiceEnabled { get; set; }

    public bool? RealTimeProtectionEnabled { get; set; }

    public bool? IoavProtectionEnabled { get; set; }

    public string? AMProductVersion { get; set; }

    public string? AMEngineVersion { get; set; }

    /// <summary>Whether the running mode is one in which cloud-delivered protection does not work.</summary>
    public bool IsPassive =>
        AMRunningMode is not null && AMRunningMode.IndexOf("Passive", System.StringComparison.OrdinalIgnoreCase) >= 0;
}
