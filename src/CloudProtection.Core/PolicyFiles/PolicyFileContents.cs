using System;
using System.Collections.Generic;

namespace CloudProtection.PolicyFiles;

/// <summary>
/// What one registry.pol file contains: its raw records, and the state they leave once applied in order.
/// </summary>
/// <remarks>
/// To apply the file to a registry, first carry out <see cref="Deletions"/>, then set <see cref="Values"/>.
/// That order gives the same result as replaying the records one by one, because a value that a record
/// sets before a later deletion is already left out of <see cref="Values"/>.
/// </remarks>
public sealed class PolicyFileContents
{
    internal PolicyFileContents(
        string? path,
        IReadOnlyList<PolicyFileRecord> records,
        IReadOnlyList<PolicyValue> values,
        IReadOnlyList<PolicyDeletion> deletions)
    {
        Path = path;
        Records = records;
        Values = values;
        Deletions = deletions;
    }

    /// <summary>Contents of a GPO that has no registry.pol file, so it sets no registry values.</summary>
    public static PolicyFileContents Empty { get; } = new(
        null,
        Array.Empty<PolicyFileRecord>(),
        Array.Empty<PolicyValue>(),
        Array.Empty<PolicyDeletion>());

    /// <summary>The registry.pol file read, or null when there was none.</summary>
    public string? Path { get; }

    /// <summary>Every record in file order, control codes included, for diagnostics.</summary>
    public IReadOnlyList<PolicyFileRecord> Records { get; }

    /// <summary>Values set at the end, one per key and name, in the order they were last written.</summary>
    public IReadOnlyList<PolicyValue> Values { get; }

    /// <summary>Deletions in the order the file first requests them, without duplicates.</summary>
    public IReadOnlyList<PolicyDeletion> Deletions { get; }
}
