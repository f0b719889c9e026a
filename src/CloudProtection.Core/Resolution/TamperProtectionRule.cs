using CloudProtection.Facts;
using CloudProtection.Settings;

namespace CloudProtection.Resolution;

/// <summary>
/// Applies tamper protection: while it is on, Defender keeps guarded settings at their secure values and
/// ignores weaker values from Group Policy or the local preference, without reporting an error.
/// </summary>
internal static class TamperProtectionRule
{
    public static Certainty Apply(SettingDefinition definition, MachineFacts facts, ResolvedSetting result, SettingCandidate defaultCandidate)
    {
        if (facts.ComputerStatus.IsTamperProtected != true || result.RawValue is not uint raw || !definition.WeakensTamperProtectedSetting(raw))
        {
            return Certainty.Confirmed;
        }

        // Intune and Configuration Manager can manage tamper protection themselves, so an MDM value is left as it is.
        if (result.Source is ConfigurationSource.Mdm or ConfigurationSource.Default or ConfigurationSource.Unknown)
        {
            if (result.Source == ConfigurationSource.Mdm)
            {
                result.Notes.Add("Tamper protection is on and MDM sets a weaker value; whether Defender applies it depends on how tamper protection is managed.");
                return Certainty.Unconfirmed;
            }

            return Certainty.Confirmed;
        }

        SettingCandidate? weaker = result.Candidates.Find(candidate => candidate.Status == CandidateStatus.Winner);
        if (weaker is not null)
        {
            weaker.Status = CandidateStatus.Ignored;
            weaker.Note = "Tamper protection ignores this weaker value.";
        }

        // NOTE: Microsoft lists cloud protection, real-time protection and IOAV among the guarded settings
        // but gives no per-value rules. Treating only these values as weakening is this module's reading.
        defaultCandidate.Status = CandidateStatus.Winner;
        result.Source = ConfigurationSource.TamperProtection;
        result.SourceDetail = $"Tamper protection keeps {definition.Format(definition.DefaultValue)} and ignores {weaker?.Source} {definition.Format(raw)}";
        result.RawValue = definition.DefaultValue;
        result.Value = definition.ToValue(definition.DefaultValue);
        result.IsDefinedValue = true;
        result.Notes.Add($"Tamper protection is on, so Defender ignores the weaker {definition.Format(raw)} from {weaker?.Source}.");
        return Certainty.Unconfirmed;
    }
}
