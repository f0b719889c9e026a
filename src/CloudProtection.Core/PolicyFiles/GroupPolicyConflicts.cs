using System;
using System.Collections.Generic;
using System.Linq;
using CloudProtection.Settings;

namespace CloudProtection.PolicyFiles;

/// <summary>
/// Finds cloud protection values that several Group Policy sources set differently. Applying them in
/// order keeps only the last value, so without this list the earlier GPO's value would vanish silently.
/// </summary>
public static class GroupPolicyConflicts
{
    /// <summary>Returns one sentence per overridden value, in the order the sources are applied.</summary>
    public static IReadOnlyList<string> Find(IReadOnlyList<GroupPolicySource> sources)
    {
        var watched = SettingCatalog.All
            .Where(definition => definition.GroupPolicy is not null)
            .ToDictionary(definition => definition.GroupPolicy!.FullPath, definition => definition, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, (GroupPolicySource Source, uint Value)>(StringComparer.OrdinalIgnoreCase);
        var conflicts = new List<string>();

        foreach (GroupPolicySource source in sources)
        {
            foreach (PolicyValue value in source.Contents.Values.Where(value => value.IsDWord))
            {
                string path = "HKLM\\" + RegistryPaths.Normalize(value.Key) + "\\" + value.Name;
                if (!watched.TryGetValue(path, out SettingDefinition? definition))
                {
                    continue;
                }

                uint number = value.DWordValue!.Value;
                if (seen.TryGetValue(path, out var earlier) && earlier.Value != number)
                {
                    conflicts.Add(
                        $"{definition.Name}: {Describe(source)} sets {definition.Format(number)}, which replaces {definition.Format(earlier.Value)} "
                        + $"from {Describe(earlier.Source)} because it is applied later. On a real machine the GPO link order decides.");
                }

                seen[path] = (source, number);
            }
        }

        return conflicts;
    }

    private static string Describe(GroupPolicySource source) => "'" + (source.DisplayName ?? source.SourcePath) + "'";
}
