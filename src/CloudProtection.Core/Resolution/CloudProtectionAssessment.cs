using CloudProtection.Settings;

namespace CloudProtection.Resolution;

/// <summary>
/// Decides whether cloud protection and Block at First Sight work. Block at First Sight has no switch
/// of its own: it works when MAPS is joined, samples are sent automatically, real-time protection and
/// download scanning are on, and Defender runs in active mode.
/// </summary>
internal static class CloudProtectionAssessment
{
    public static void Assess(CloudProtectionState state)
    {
        bool? passive = state.AMRunningMode is null ? null : state.AMRunningMode.IndexOf("Passive", System.StringComparison.OrdinalIgnoreCase) >= 0;

        state.CloudProtectionEnabled = state.MAPSReporting switch
        {
            null => null,
            MAPSReportingType.Disabled => false,
            _ when passive == true || state.AMServiceEnabled == false => false,
            _ => true,
        };

        bool unknown = false;
        void Require(bool? met, string reason)
        {
            if (met == false)
            {
                state.BlockAtFirstSightIssues.Add(reason);
            }
            else if (met is null)
            {
                unknown = true;
                state.BlockAtFirstSightIssues.Add("Unknown: " + reason);
            }
        }

        Require(state.DisableBlockAtFirstSeen is null ? null : !state.DisableBlockAtFirstSeen, "DisableBlockAtFirstSeen is True.");
        Require(state.MAPSReporting is null ? null : state.MAPSReporting != MAPSReportingType.Disabled, "MAPSReporting is Disabled, so the device does not join Microsoft MAPS.");
        Require(
            state.SubmitSamplesConsent is null ? null : state.SubmitSamplesConsent is SubmitSamplesConsentType.SendSafeSamples or SubmitSamplesConsentType.SendAllSamples,
            $"SubmitSamplesConsent is {state.SubmitSamplesConsent}; Block at First Sight needs SendSafeSamples or SendAllSamples.");
        Require(state.DisableRealtimeMonitoring is null ? null : !state.DisableRealtimeMonitoring, "DisableRealtimeMonitoring is True.");
        Require(state.DisableIOAVProtection is null ? null : !state.DisableIOAVProtection, "DisableIOAVProtection is True, so downloads and attachments are not scanned.");
        if (passive == true)
        {
            state.BlockAtFirstSightIssues.Add($"Defender runs in {state.AMRunningMode} mode, in which cloud-delivered protection does not work.");
        }

        if (state.RealTimeProtectionEnabled == false && state.DisableRealtimeMonitoring != true)
        {
            state.BlockAtFirstSightIssues.Add("MSFT_MpComputerStatus reports real-time protection off.");
        }

        bool failed = state.BlockAtFirstSightIssues.Exists(issue => !issue.StartsWith("Unknown: ", System.StringComparison.Ordinal));
        if (failed)
        {
            state.BlockAtFirstSightEffective = false;
        }
        else
        {
            state.BlockAtFirstSightEffective = unknown ? null : true;
        }
    }
}
