using System.IO;
using System.Management.Automation;
using CloudProtection.Cim;
using CloudProtection.Facts;
using CloudProtection.Snapshots;

namespace CloudProtection.Commands;

/// <summary>
/// Export-CloudProtectionSnapshot: captures the raw facts of live computers (preference, status,
/// registry values, RSOP) into snapshot files that Get-CloudProtectionState -SnapshotPath reads.
/// </summary>
[Cmdlet(VerbsData.Export, "CloudProtectionSnapshot", DefaultParameterSetName = ComputerNameSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportCloudProtectionSnapshotCommand : LiveCmdletBase
{
    /// <summary>
    /// The folder to write into, one file per computer named &lt;computer&gt;.cloudprotection.json; or, for a
    /// single computer, the file path itself when it ends in .json.
    /// </summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Replaces an existing snapshot file instead of reporting an error.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string LiveActivity => "Capturing cloud protection snapshots";

    protected override void ProcessRecord() => CollectLiveTargets();

    protected override void EndProcessing()
    {
        string destination = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        bool singleFile = destination.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase);
        if (!singleFile && !Directory.Exists(destination))
        {
            ThrowTerminatingError(new ErrorRecord(
                new DirectoryNotFoundException($"The folder '{destination}' does not exist. Create it first, or give a file path ending in .json for one computer."),
                "SnapshotFolderNotFound",
                ErrorCategory.ObjectNotFound,
                destination));
        }

        // One confirmation for the whole run: files are written as computers return their facts, possibly in a job.
        string target = singleFile ? destination : $"{destination} (one file per computer)";
        if (!ShouldProcess(target, $"Write cloud protection snapshots of {Targets.Count} computers"))
        {
            return;
        }

        RunLive(
            FactCollector.CollectAsync,
            (target, facts, output) =>
            {
                string file = singleFile ? destination : System.IO.Path.Combine(destination, SafeFileName(target.ComputerName) + ".cloudprotection.json");
                Save(facts, file, output);
            });
    }

    private void Save(MachineFacts facts, string file, ILiveOutput output)
    {
        if (File.Exists(file) && !Force)
        {
            output.WriteError(new ErrorRecord(
                new IOException($"The snapshot '{file}' already exists. Use -Force to replace it, or choose another -Path."),
                "SnapshotExists",
                ErrorCategory.ResourceExists,
                facts.ComputerName));
            return;
        }

        SnapshotSerializer.Save(facts, file);
        output.WriteVerbose($"{facts.ComputerName}: wrote '{file}'.");
        output.WriteObject(new FileInfo(file));
    }

    private static string SafeFileName(string computerName)
    {
        foreach (char invalid in System.IO.Path.GetInvalidFileNameChars())
        {
            computerName = computerName.Replace(invalid, '_');
        }

        return computerName;
    }
}
