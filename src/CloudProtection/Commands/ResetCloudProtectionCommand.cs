using System.Linq;
using System.Management.Automation;
using CloudProtection.Changes;
using CloudProtection.Settings;

namespace CloudProtection.Commands;

/// <summary>
/// Reset-CloudProtection: removes local preferences so that policy or the default applies again. Writing
/// the default value instead would leave a local override in place.
/// </summary>
[Cmdlet(VerbsCommon.Reset, "CloudProtection", DefaultParameterSetName = ComputerNameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ChangeResult))]
public sealed class ResetCloudProtectionCommand : ChangeCmdletBase
{
    /// <summary>The settings whose local preference to remove; every cloud protection setting when omitted.</summary>
    [Parameter]
    [ValidateSet(
        SettingCatalog.MAPSReporting,
        SettingCatalog.SubmitSamplesConsent,
        SettingCatalog.CloudBlockLevel,
        SettingCatalog.CloudExtendedTimeout,
        SettingCatalog.DisableBlockAtFirstSeen,
        SettingCatalog.DisableRealtimeMonitoring,
        SettingCatalog.DisableIOAVProtection)]
    public string[]? Setting { get; set; }

    protected override string LiveActivity => "Resetting cloud protection";

    protected override string ActionVerb => "Reset";

    protected override ChangeRequest BuildRequest()
    {
        var request = new ChangeRequest();
        foreach (string name in Setting ?? SettingCatalog.Writable.Select(definition => definition.Name).ToArray())
        {
            request.Reset(name);
        }

        return request;
    }
}
