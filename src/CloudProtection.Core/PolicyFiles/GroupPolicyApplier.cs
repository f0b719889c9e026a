using System.Collections.Generic;
using System.Linq;
using CloudProtection.Facts;

namespace CloudProtection.PolicyFiles;

/// <summary>Applies Group Policy sources to machine facts, as the registry client-side extension would apply them.</summary>
public static class GroupPolicyApplier
{
    /// <summary>
    /// Applies each source in order, so a later source overrides an earlier one, and marks the policy records as read.
    /// </summary>
    /// <remarks>
    /// Only values below HKLM\SOFTWARE\Policies reach the facts, because the module reads nothing else from Group
    /// Policy. Within a source the deletions come first and the values second, which matches replaying its records.
    /// A REG_DWORD becomes a Present fact and any other type a WrongType fact. A soft value applies only where the
    /// facts hold no Present, WrongType or Unreadable value, since an unreadable value may exist.
    /// </remarks>
    public static void Apply(MachineFacts facts, IEnumerable<GroupPolicySource> sources)
    {
        if (facts is null)
        {
            throw new System.ArgumentNullException(nameof(facts));
        }

        if (sources is null)
        {
            throw new System.ArgumentNullException(nameof(sources));
        }

        foreach (GroupPolicySource source in sources)
        {
            foreach (PolicyDeletion deletion in source.Contents.Deletions)
            {
                ApplyDeletion(facts, deletion);
            }

            foreach (PolicyValue value in source.Contents.Values)
            {
                ApplyValue(facts, value, source);
            }
        }

        facts.PolicyRecordStatus = FactStatus.Read;
        facts.PolicyRecordError = null;
    }

    private static void ApplyDeletion(MachineFacts facts, PolicyDeletion deletion)
    {
        List<RegistryValueFact> deleted = facts.Registry
            .Where(fact => fact.State != RegistryValueState.Absent
                && RegistryKeyPaths.IsUnderPolicies(fact.Key)
                && deletion.Removes(fact.Key, fact.ValueName))
            .ToList();

        foreach (RegistryValueFact fact in deleted)
        {
            facts.SetRegistryValue(RegistryValueFact.Absent(fact.Key, fact.ValueName));
        }

        facts.PolicyRecords.RemoveAll(record => deletion.Removes(record.Key, record.ValueName));
    }

    private static void ApplyValue(MachineFacts facts, PolicyValue value, GroupPolicySource source)
    {
        if (!RegistryKeyPaths.IsUnderPolicies(value.Key))
        {
            return;
        }

        if (value.IsSoft && Exists(facts.FindRegistryValue(value.Key, value.Name)))
        {
            return;
        }

        facts.SetRegistryValue(ToFact(value));
        facts.PolicyRecords.Add(new PolicyRecord(value.Key, value.Name, source.DisplayName, source.GpoId, source.SourcePath));
    }

    private static bool Exists(RegistryValueFact? fact) => fact is not null && fact.State != RegistryValueState.Absent;

    private static RegistryValueFact ToFact(PolicyValue value)
    {
        if (value.IsDWord)
        {
            return RegistryValueFact.Present(value.Key, value.Name, value.DWordValue!.Value);
        }

        string typeName = RegistryValueTypeNames.ToRegName(value.Type);
        string error = value.Type == RegistryValueType.DWord
            ? $"Group Policy sets a REG_DWORD whose data is {value.Data.Count} bytes long instead of 4."
            : $"Group Policy sets a {typeName} value, but the setting is read as a REG_DWORD.";

        return new RegistryValueFact(value.Key, value.Name, RegistryValueState.WrongType, error: error);
    }
}
