using CloudProtection.Facts;
using CloudProtection.Settings;

namespace CloudProtection.Resolution;

/// <summary>Decides which writer put a value under the Policies key, which Group Policy, Configuration Manager and security settings management share.</summary>
internal static class PolicyAttribution
{
    internal readonly struct Attribution
    {
        public Attribution(ConfigurationSource source, string? detail, Certainty certainty, string? note)
        {
            Source = source;
            Detail = detail;
            Certainty = certainty;
            Note = note;
        }

        public ConfigurationSource Source { get; }

        public string? Detail { get; }

        public Certainty Certainty { get; }

        public string? Note { get; }
    }

    public static Attribution Attribute(MachineFacts facts, SettingLocation location)
    {
        // RSOP, or the Group Policy file that was read, names the GPO: the only confirmed evidence.
        PolicyRecord? record = facts.FindPolicyRecord(location.Key, location.ValueName);
        if (record is not null)
        {
            string detail = record.GpoName ?? record.SourcePath ?? record.GpoId ?? "an unnamed GPO";
            return new Attribution(ConfigurationSource.GroupPolicy, detail, Certainty.Confirmed, null);
        }

        string rsopNote = facts.PolicyRecordStatus switch
        {
            FactStatus.Failed => $"RSOP could not be read ({facts.PolicyRecordError}), so no GPO can be named.",
            FactStatus.NotCollected => "RSOP was not captured, so no GPO can be named.",
            _ => "No RSOP record names a GPO for this value.",
        };

        // NOTE: Microsoft documents only EnrollmentStatus 4 ("Sense is enabled"); reading 1 as security
        // settings management comes from a third-party tool, so the inference stays unconfirmed.
        RegistryValueFact? enrollment = facts.FindRegistryValue(RegistryPaths.SenseConfigurationKey, RegistryPaths.SenseEnrollmentStatusValue);
        if (enrollment is { State: RegistryValueState.Present, Value: 1 })
        {
            return new Attribution(
                ConfigurationSource.SecuritySettingsManagement,
                "SenseCM EnrollmentStatus 1",
                Certainty.Unconfirmed,
                rsopNote + " SenseCM EnrollmentStatus is 1, which suggests Defender for Endpoint security settings management; Microsoft does not document that value.");
        }

        RegistryValueFact? productType = facts.FindRegistryValue(RegistryPaths.ManagedProductTypeKey, RegistryPaths.ManagedProductTypeValue);
        if (productType is { State: RegistryValueState.Present, Value: 7 })
        {
            return new Attribution(
                ConfigurationSource.ConfigurationManager,
                "ManagedDefenderProductType 7 (co-managed)",
                Certainty.Unconfirmed,
                rsopNote + " ManagedDefenderProductType is 7 (Intune and Configuration Manager), so Configuration Manager probably wrote it.");
        }

        // NOTE: one field report puts Intune's CloudBlockLevel and CloudExtendedTimeout under the Policies
        // MpEngine key; Microsoft does not document it, so an Intune-only device gets a hint, not a source.
        string intuneHint = productType is { State: RegistryValueState.Present, Value: 6 }
            ? " The device is Intune-managed (ManagedDefenderProductType 6), and Intune may write some values here."
            : string.Empty;
        return new Attribution(
            ConfigurationSource.PolicyWriterUnknown,
            location.FullPath,
            Certainty.Unconfirmed,
            rsopNote + " Configuration Manager, security settings management or a script writing the key directly may have set it." + intuneHint);
    }
}
