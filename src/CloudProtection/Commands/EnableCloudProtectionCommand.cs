using System.Management.Automation;
using CloudProtection.Changes;
using CloudProtection.Settings;

namespace CloudProtection.Commands;

/// <summary>
/// Enable-CloudProtection: turns cloud-delivered protection on the way Microsoft's guidance does from
/// PowerShell: MAPSReporting Advanced, automatic sample submission, and Block at First Sight not disabled.
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "CloudProtection", DefaultParameterSetName = ComputerNameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ChangeResult))]
public sealed class EnableCloudProtectionCommand : ChangeCmdletBase
{
    /// <summary>Which automatic sample submission to use; SendAllSamples by default.</summary>
    [Parameter]
    [ValidateSet(nameof(SubmitSamplesConsentType.SendAllSamples), nameof(SubmitSamplesConsentType.SendSafeSamples))]
    public string SubmitSamplesConsent { get; set; } = nameof(SubmitSamplesConsentType.SendAllSamples);

    [Parameter]
    [StrictEnumTransformation(typeof(CloudBlockLevelType))]
    public CloudBlockLevelType? CloudBlockLevel { get; set; }

    /// <summary>Seconds, 0 to 50, added to the 10-second cloud check.</summary>
    [Parameter]
    [ValidateRange(0, 50)]
    public uint? CloudExtendedTimeout { get; set; }

    protected override string LiveActivity => "Enabling cloud protection";

    protected override ChangeRequest BuildRequest()
    {
        var request = new ChangeRequest()
            .Set(SettingCatalog.MAPSReporting, (uint)MAPSReportingType.Advanced)
            .Set(SettingCatalog.SubmitSamplesConsent, (uint)(SubmitSamplesConsentType)System.Enum.Parse(typeof(SubmitSamplesConsentType), SubmitSamplesConsent, ignoreCase: true))
            .Set(SettingCatalog.DisableBlockAtFirstSeen, 0);
        if (CloudBlockLevel is CloudBlockLevelType level)
        {
            request.Set(SettingCatalog.CloudBlockLevel, (uint)level);
        }

        if (CloudExtendedTimeout is uint seconds)
        {
            request.Set(SettingCatalog.CloudExtendedTimeout, seconds);
        }

        return request;
    }
}
