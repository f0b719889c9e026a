using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CloudProtection.Facts;
using CloudProtection.Settings;

namespace CloudProtection.Resolution;

/// <summary>Computes one setting's effective value and winning channel from a machine's raw facts.</summary>
public static class SettingResolver
{
    /// <summary>Resolves one setting.</summary>
    /// <param name="definition">The setting to resolve.</param>
    /// <param name="facts">The machine's raw facts.</param>
    /// <param name="localOverridesMaps">Whether LocalSettingOverrideSpynetReporting is in force, which lets the local MAPSReporting beat the Policies value.</param>
    public static ResolvedSetting Resolve(SettingDefinition definition, MachineFacts facts, bool localOverridesMaps)
    {
        var result = new ResolvedSetting { ComputerName = facts.ComputerName, Name = definition.Name };
        var certainty = Certainty.Confirmed;

        // Gather each channel's candidate, in the order the precedence table gives them.
        var ordered = new List<(SettingCandidate Candidate, SettingLocation? Location, Certainty Certainty, string? Note)>();
        if (definition.GroupPolicy is not null)
        {
            ordered.Add(ReadPolicyCandidate(definition, definition.GroupPolicy, facts));
        }

        if (definition.Mdm is not null)
        {
            ordered.Add(ReadMdmCandidate(definition, definition.Mdm, facts, result));
        }

        if (definition.LocalPreference is not null)
        {
            ordered.Add(ReadCandidate(definition, definition.LocalPreference, ConfigurationSource.LocalPreference, facts));
        }

        ordered.Sort((left, right) => PrecedenceTable.RankOf(left.Candidate.Source).CompareTo(PrecedenceTable.RankOf(right.Candidate.Source)));

        // LocalSettingOverrideSpynetReporting lets the local value beat the Policies value, and nothing else.
        if (localOverridesMaps && definition.Name == SettingCatalog.MAPSReporting)
        {
            ApplyLocalOverride(ordered, result);
        }

        var defaultCandidate = new SettingCandidate
        {
            Source = ConfigurationSource.Default,
            Status = CandidateStatus.NotConfigured,
            StoredValue = definition.DefaultValue,
            Value = definition.ToValue(definition.DefaultValue),
            Detail = "Defender default",
            Note = definition.DefaultNote,
        };

        // Walk down the order: the first configured value wins, unless an unreadable channel above it leaves the winner open.
        (SettingCandidate Candidate, SettingLocation? Location, Certainty Certainty, string? Note)? winner = null;
        SettingCandidate? unreadableAbove = null;
        foreach (var entry in ordered)
        {
            SettingCandidate candidate = entry.Candidate;
            result.Candidates.Add(candidate);
            if (winner is not null)
            {
                if (candidate.Status == CandidateStatus.Winner)
                {
                    candidate.Status = CandidateStatus.Shadowed;
                }

                continue;
            }

            if (candidate.Status == CandidateStatus.Unreadable)
            {
                unreadableAbove ??= candidate;
                continue;
            }

            if (candidate.Status == CandidateStatus.Winner)
            {
                if (unreadableAbove is not null)
                {
                    candidate.Status = CandidateStatus.Shadowed;
                    continue;
                }

                winner = entry;
            }
        }

        result.Candidates.Add(defaultCandidate);
        result.PolicyConfigured = result.Candidates.Any(candidate =>
            candidate.Source is not ConfigurationSource.LocalPreference and not ConfigurationSource.Default
            && candidate.Status is CandidateStatus.Winner or CandidateStatus.Shadowed);

        if (unreadableAbove is not null && winner is null)
        {
            result.Source = ConfigurationSource.Unknown;
            result.SourceDetail = unreadableAbove.Location;
            certainty = Certainty.Unknown;
            result.Notes.Add($"{unreadableAbove.Location} could not be read ({unreadableAbove.Note}), so the winning channel is unknown.");
            if (result.Candidates.Any(candidate => candidate.Status == CandidateStatus.Shadowed) is false)
            {
                defaultCandidate.Status = CandidateStatus.NotConfigured;
            }
        }
        else if (winner is null)
        {
            defaultCandidate.Status = CandidateStatus.Winner;
            result.Source = ConfigurationSource.Default;
            result.SourceDetail = "Defender default";
            result.RawValue = definition.DefaultValue;
            result.Value = defaultCandidate.Value;
            if (definition.DefaultCertainty != Certainty.Confirmed)
            {
                certainty = Max(certainty, definition.DefaultCertainty);
                result.Notes.Add(definition.DefaultNote ?? "The default is not documented.");
            }
        }
        else
        {
            var chosen = winner.Value;
            result.Source = chosen.Candidate.Source;
            result.SourceDetail = chosen.Candidate.Detail;
            result.Value = chosen.Candidate.Value;
            result.RawValue = ToPreferenceRaw(definition, chosen.Location!, chosen.Candidate.StoredValue!.Value);
            certainty = Max(certainty, chosen.Certainty);
            if (chosen.Note is not null)
            {
                result.Notes.Add(chosen.Note);
            }

            if (chosen.Candidate.Note is not null && !result.Notes.Contains(chosen.Candidate.Note))
            {
                result.Notes.Add(chosen.Candidate.Note);
            }

            certainty = Max(certainty, CheckPolicyAgainstMdm(result));
        }

        if (result.RawValue is uint raw && !definition.IsDefined(raw))
        {
            result.IsDefinedValue = false;
        }

        if (definition.Name == SettingCatalog.MAPSReporting && result.RawValue == (uint)MAPSReportingType.Basic)
        {
            result.Notes.Add("Basic (1) acts as Advanced on Windows 10 and later, where Basic membership no longer exists.");
        }

        certainty = Max(certainty, TamperProtectionRule.Apply(definition, facts, result, defaultCandidate));

        ObservedOutcome observed = CompareWithObserved(definition, facts, result);
        if (observed == ObservedOutcome.Differs || observed == ObservedOutcome.Incomparable)
        {
            certainty = Certainty.Unknown;
        }
        else if (observed == ObservedOutcome.Matches && result.Source == ConfigurationSource.Default && definition.DefaultNote is not null)
        {
            // Defender's own report settles a default the documents disagree on.
            result.Notes.Remove(definition.DefaultNote);
            result.Notes.Add("Defender reports the same value, which settles the documented disagreement on this machine.");
            certainty = result.Candidates.Any(candidate => candidate.Status == CandidateStatus.Unreadable) ? certainty : Certainty.Confirmed;
        }

        result.Certainty = certainty;
        return result;
    }

    internal static Certainty Max(Certainty left, Certainty right) => left > right ? left : right;

    private static (SettingCandidate, SettingLocation?, Certainty, string?) ReadPolicyCandidate(SettingDefinition definition, SettingLocation location, MachineFacts facts)
    {
        var read = ReadCandidate(definition, location, ConfigurationSource.PolicyWriterUnknown, facts);
        if (read.Candidate.Status is not (CandidateStatus.Winner or CandidateStatus.Shadowed))
        {
            read.Candidate.Source = ConfigurationSource.GroupPolicy;
            read.Candidate.Detail = location.PolicyName;
            return read;
        }

        PolicyAttribution.Attribution attribution = PolicyAttribution.Attribute(facts, location);
        read.Candidate.Source = attribution.Source;
        read.Candidate.Detail = attribution.Source == ConfigurationSource.GroupPolicy
            ? $"{attribution.Detail}: {location.PolicyName} ({location.FullPath})"
            : attribution.Detail;
        return (read.Candidate, location, Max(read.Certainty, attribution.Certainty), JoinNotes(read.Note, attribution.Note));
    }

    // Reads MDM's value from Policy Manager, or from the merged store when Policy Manager has none. The
    // merged store is a secondary source: a snapshot without it, or an unreadable copy, changes nothing.
    private static (SettingCandidate Candidate, SettingLocation? Location, Certainty Certainty, string? Note) ReadMdmCandidate(
        SettingDefinition definition,
        SettingLocation location,
        MachineFacts facts,
        ResolvedSetting result)
    {
        var read = ReadCandidate(definition, location, ConfigurationSource.Mdm, facts);
        SettingLocation merged = definition.MdmMergedStore!;
        if (read.Candidate.Status == CandidateStatus.NotConfigured
            && facts.FindRegistryValue(merged.Key, merged.ValueName) is { State: RegistryValueState.Present })
        {
            read = ReadCandidate(definition, merged, ConfigurationSource.Mdm, facts);
            read.Note = merged.Note;
        }

        bool configured = read.Candidate.Status is CandidateStatus.Winner;
        if (facts.MdmWinningProviders.TryGetValue(location.ValueName, out string? provider))
        {
            if (configured)
            {
                read.Candidate.Detail += $", winning MDM provider {provider}";
            }
            else if (read.Candidate.Status == CandidateStatus.NotConfigured)
            {
                result.Notes.Add($"The MDM merged store names a winning provider ({provider}) for {location.ValueName}, but no MDM value was found: the MDM policy may be in conflict, or stored where this module does not read.");
            }
        }

        return read;
    }

    // Reads one channel's value. The candidate's status is Winner while configured; the walk demotes losers.
    private static (SettingCandidate Candidate, SettingLocation? Location, Certainty Certainty, string? Note) ReadCandidate(
        SettingDefinition definition,
        SettingLocation location,
        ConfigurationSource source,
        MachineFacts facts)
    {
        var candidate = new SettingCandidate
        {
            Source = source,
            Location = location.FullPath,
            Detail = source == ConfigurationSource.Mdm ? $"{location.PolicyName} ({location.FullPath})" : location.FullPath,
        };

        RegistryValueFact? fact = facts.FindRegistryValue(location.Key, location.ValueName);
        if (fact is null)
        {
            // A prediction from Group Policy files alone describes a machine where nothing else is configured.
            if (facts.Origin == FactOrigin.GroupPolicyFile)
            {
                candidate.Status = CandidateStatus.NotConfigured;
                return (candidate, location, Certainty.Confirmed, null);
            }

            candidate.Status = CandidateStatus.Unreadable;
            candidate.Note = "the value was not captured";
            return (candidate, location, Certainty.Unknown, null);
        }

        switch (fact.State)
        {
            case RegistryValueState.Absent:
                candidate.Status = CandidateStatus.NotConfigured;
                return (candidate, location, Certainty.Confirmed, null);
            case RegistryValueState.WrongType:
                candidate.Status = CandidateStatus.Unreadable;
                candidate.Note = "the value is not a REG_DWORD, so how Defender reads it is unknown";
                return (candidate, location, Certainty.Unknown, null);
            case RegistryValueState.Unreadable:
                candidate.Status = CandidateStatus.Unreadable;
                candidate.Note = fact.Error ?? "the read failed";
                return (candidate, location, Certainty.Unknown, null);
        }

        uint stored = fact.Value!.Value;
        candidate.Status = CandidateStatus.Winner;
        candidate.StoredValue = stored;
        if (location.TryMapToPreference(stored, out uint preference))
        {
            candidate.Value = definition.ToValue(preference);
            if (!definition.IsDefined(preference))
            {
                candidate.Note = $"{stored} is not a defined {definition.Name} value (defined: {DescribeDefined(definition)}); it is reported as it is.";
            }
        }
        else
        {
            // An enumeration keeps its enum type, holding the bare number, as ResolvedSetting.Value promises.
            // NOTE: a Boolean setting still gets the bare uint here, because reading an unmapped Allow*
            // number as true or false would guess how Defender reads it.
            candidate.Value = definition.Kind == SettingKind.Enumeration ? definition.ToValue(stored) : stored;
            candidate.Note = $"{stored} is not a defined {location.ValueName} value; it is reported as it is.";
        }

        string? note = location.Certainty == Certainty.Confirmed ? null : location.Note;
        return (candidate, location, location.Certainty, note);
    }

    private static uint ToPreferenceRaw(SettingDefinition definition, SettingLocation location, uint stored) =>
        location.TryMapToPreference(stored, out uint preference) ? preference : stored;

    private static void ApplyLocalOverride(List<(SettingCandidate Candidate, SettingLocation? Location, Certainty Certainty, string? Note)> ordered, ResolvedSetting result)
    {
        int localIndex = ordered.FindIndex(entry => entry.Candidate.Source == ConfigurationSource.LocalPreference);
        int policyIndex = ordered.FindIndex(entry => PrecedenceTable.RankOf(entry.Candidate.Source) < PrecedenceTable.RankOf(ConfigurationSource.Mdm));
        if (localIndex < 0 || policyIndex < 0 || ordered[localIndex].Candidate.Status != CandidateStatus.Winner)
        {
            return;
        }

        // Move the Policies value just below the local one; MDM keeps its place above the local value.
        var policy = ordered[policyIndex];
        ordered.RemoveAt(policyIndex);
        localIndex = ordered.FindIndex(entry => entry.Candidate.Source == ConfigurationSource.LocalPreference);
        ordered.Insert(localIndex + 1, policy);
        result.Notes.Add("LocalSettingOverrideSpynetReporting is on, so the local MAPSReporting preference beats the Policies value.");

        bool mdmConfigured = ordered.Any(entry => entry.Candidate.Source == ConfigurationSource.Mdm && entry.Candidate.Status == CandidateStatus.Winner);
        if (mdmConfigured)
        {
            result.Notes.Add("Whether the local override also beats an MDM value is unconfirmed; MDM is ranked above it here.");
        }
    }

    // Microsoft ranks Group Policy above MDM, but the ControlPolicyConflict CSP calls it a race. When
    // the two disagree the result is therefore unconfirmed. When they agree, the order does not matter.
    private static Certainty CheckPolicyAgainstMdm(ResolvedSetting result)
    {
        SettingCandidate winner = result.Candidates.First(candidate => candidate.Status == CandidateStatus.Winner);
        SettingCandidate? mdm = result.Candidates.FirstOrDefault(candidate => candidate.Source == ConfigurationSource.Mdm && candidate.Status == CandidateStatus.Shadowed);
        if (mdm is null || winner.Source == ConfigurationSource.LocalPreference || Equals(mdm.Value, winner.Value))
        {
            return Certainty.Confirmed;
        }

        result.Notes.Add($"MDM sets {mdm.Value} while the Policies key sets {winner.Value}. Microsoft ranks Group Policy first but also calls this a race with no guaranteed winner.");
        return Certainty.Unconfirmed;
    }

    private enum ObservedOutcome
    {
        NotObserved,
        Matches,
        Differs,
        Incomparable,
    }

    private static ObservedOutcome CompareWithObserved(SettingDefinition definition, MachineFacts facts, ResolvedSetting result)
    {
        if (facts.PreferenceStatus != FactStatus.Read || !facts.Preference.TryGetValue(definition.Name, out object? observed) || observed is null)
        {
            return ObservedOutcome.NotObserved;
        }

        if (!definition.TryToRaw(observed, out uint observedRaw))
        {
            result.ObservedValue = observed;
            result.Notes.Add($"Defender reported {observed}, which is not a {definition.Name} value, so it cannot be compared.");
            return ObservedOutcome.Incomparable;
        }

        result.ObservedValue = definition.ToValue(observedRaw);
        if (result.RawValue is not uint predicted)
        {
            // Without a prediction nothing can differ, so Mismatch stays null and the setting adds nothing to HasMismatch.
            result.Notes.Add($"Defender reports {definition.Format(observedRaw)}, but the configuration that was read gives no prediction to compare it with.");
            return ObservedOutcome.Incomparable;
        }

        result.Mismatch = predicted != observedRaw;
        if (result.Mismatch == false)
        {
            return ObservedOutcome.Matches;
        }

        result.Notes.Add($"Defender reports {definition.Format(observedRaw)}, but the configuration that was read predicts {definition.Format(predicted)}. A channel this module cannot see, or a change not yet applied, may explain it.");
        return ObservedOutcome.Differs;
    }

    private static string DescribeDefined(SettingDefinition definition) =>
        definition.AllowedValues is null
            ? string.Format(CultureInfo.InvariantCulture, "{0} to {1}", definition.Minimum, definition.Maximum)
            : string.Join(", ", definition.AllowedValues.Select(value => definition.Format(value)));

    private static string? JoinNotes(string? first, string? second)
    {
        if (first is null || second is null)
        {
            return first ?? second;
        }

        return first + " " + second;
    }
}
