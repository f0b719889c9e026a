using System.Management.Automation;
using CloudProtection.Changes;
using CloudProtection.Settings;

namespace CloudProtection.Commands;

/// <summary>Set-CloudProtection: writes any subset of the cloud protection preferences, each checked against the settings catalog.</summary>
[Cmdlet(VerbsCommon.Set, "CloudProtection", DefaultParameterSetName = ComputerNameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ChangeResult))]
public sealed class SetCloudProtectionCommand : ChangeCmdletBase
{
    [Parameter]
    [StrictEnumTransformation(typeof(MAPSReportingType))]
    public MAPSReportingType? MAPSReporting { get; set; }

    [Parameter]
    [StrictEnumTransformation(typeof(SubmitSamplesConsentType))]
    public SubmitSamplesConsentType? SubmitSamplesConsent { get; set; }

    [Parameter]
    [StrictEnumTransformation(typeof(CloudBlockLevelType))]
    public CloudBlockLevelType? CloudBlockLevel { get; set; }

    /// <summary>Seconds, 0 to 50, added to the 10-second cloud check.</summary>
    [Parameter]
    [ValidateRange(0, 50)]
    public uint? CloudExtendedTimeout { get; set; }

    [Parameter]
    public bool? DisableBlockAtFirstSeen { get; set; }

    [Parameter]
    public bool? DisableRealtimeMonitoring { get; set; }

    [Parameter]
    public bool? DisableIOAVProtection { get; set; }

    protected override string LiveActivity => "Setting cloud protection";

    protected override ChangeRequest BuildRequest()
    {
        var request = new ChangeRequest();
        var values = SettingValueParameters.Collect(MAPSReporting, SubmitSamplesConsent, CloudBlockLevel, CloudExtendedTimeout, DisableBlockAtFirstSeen, DisableRealtimeMonitoring, DisableIOAVProtection);
        foreach ((SettingDefinition definition, uint raw) in values)
        {
            request.Set(definition.Name, raw);
        }

        return request;
    }
}
