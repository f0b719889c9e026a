using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudProtection.PolicyFiles;

/// <summary>Replays registry.pol records in order to find the values and deletions they leave behind.</summary>
internal sealed class PolicyStateBuilder
{
    private readonly List<PolicyValue> values = new();
    private readonly List<PolicyDeletion> deletions = new();

    public static PolicyFileContents Build(string? path, IReadOnlyList<PolicyFileRecord> records)
    {
        var builder = new PolicyStateBuilder();
        foreach (PolicyFileRecord record in records)
        {
            builder.Apply(record);
        }

        return new PolicyFileContents(path, records, builder.values.ToArray(), builder.deletions.ToArray());
    }

    private void Apply(PolicyFileRecord record)
    {
        switch (record.Directive)
        {
            case PolicyDirective.None:
                SetValue(record.Key, record.ValueName, record, isSoft: false);
                break;

            case PolicyDirective.SoftValue:
                SetSoftValue(record);
                break;

            case PolicyDirective.DeleteValue:
                Delete(PolicyDeletion.Value(record.Key, record.TargetValueName!));
                break;

            case PolicyDirective.DeleteValues:
                foreach (string name in SplitList(record))
                {
                    Delete(PolicyDeletion.Value(record.Key, name));
                }

                break;

            case PolicyDirective.DeleteAllValues:
                Delete(PolicyDeletion.AllValues(record.Key));
                break;

            case PolicyDirective.DeleteKeys:
                foreach (string subKey in SplitList(record))
                {
                    Delete(PolicyDeletion.KeyTree(Settings.RegistryPaths.Combine(record.Key, subKey)));
                }

                break;

            // SecureKey only sets permissions. An unknown control code must be skipped: the Windows NT
            // System Policy documentation requires that, so that new codes do not break older readers.
            default:
                break;
        }
    }

    private void SetSoftValue(PolicyFileRecord record)
    {
        string name = record.TargetValueName!;
        if (FindValueIndex(record.Key, name) >= 0)
        {
            return;
        }

        // After this file deleted the value, it is known to be absent, so the soft value is set for certain.
        bool deletedEarlier = deletions.Any(deletion => deletion.Removes(record.Key, name));
        SetValue(record.Key, name, record, isSoft: !deletedEarlier);
    }

    private void SetValue(string key, string name, PolicyFileRecord record, bool isSoft)
    {
        int existing = FindValueIndex(key, name);
        if (existing >= 0)
        {
            values.RemoveAt(existing);
        }

        values.Add(new PolicyValue(key, name, record.Type, record.RawData, isSoft));
    }

    private void Delete(PolicyDeletion deletion)
    {
        values.RemoveAll(value => deletion.Removes(value.Key, value.Name));
        if (!deletions.Contains(deletion))
        {
            deletions.Add(deletion);
        }
    }

    private int FindValueIndex(string key, string name) =>
        values.FindIndex(value =>
            Settings.RegistryPaths.KeyEquals(value.Key, key)
            && string.Equals(value.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Splits the ';'-separated names of **DeleteValues and **DeleteKeys, whether stored as REG_SZ or REG_MULTI_SZ.</summary>
    private static IEnumerable<string> SplitList(PolicyFileRecord record)
    {
        string text = RegistryDataDecoder.DecodeUtf16(record.RawData);
        return text
            .Split(new[] { ';', '\0' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(name => name.Trim())
            .Where(name => name.Length > 0);
    }
}
