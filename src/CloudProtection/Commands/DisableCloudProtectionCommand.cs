using System.Management.Automation;
using CloudProtection.Changes;
using CloudProtection.Settings;

namespace CloudProtection.Commands;

/// <summary>Disable-CloudProtection: leaves Microsoft MAPS and stops sample submission.</summary>
[Cmdlet(VerbsLifecycle.Disable, "CloudProtection", DefaultParameterSetName = ComputerNameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ChangeResult))]
public sealed class DisableCloudProtectionCommand : ChangeCmdletBase
{
    protected override string LiveActivity => "Disabling cloud protection";

    protected override ChangeRequest BuildRequest()
    {
        WriteWarning("Disabling cloud protection also stops Block at First Sight, so new malware is no longer blocked by a cloud verdict in seconds.");
        return new ChangeRequest()
            .Set(SettingCatalog.MAPSReporting, (uint)MAPSReportingType.Disabled)
            .Set(SettingCatalog.SubmitSamplesConsent, (uint)SubmitSamplesConsentType.NeverSend);
    }
}
