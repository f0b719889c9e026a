using System.Collections.Generic;
using System.Management.Automation;

namespace CloudProtection.Commands;

/// <summary>Turns -SnapshotPath and -GroupPolicyPath arguments into file system paths.</summary>
internal static class PathResolver
{
    /// <summary>Resolves wildcards and relative paths against the current location; a path that matches nothing comes back as given, so the reader reports it as not found.</summary>
    public static IEnumerable<string> Resolve(PSCmdlet cmdlet, string path)
    {
        List<string> resolved = new();
        if (WildcardPattern.ContainsWildcardCharacters(path))
        {
            try
            {
                resolved.AddRange(cmdlet.GetResolvedProviderPathFromPSPath(path, out _));
            }
            catch (ItemNotFoundException)
            {
                // Reported below as a path that does not exist.
            }
        }

        if (resolved.Count == 0)
        {
            resolved.Add(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
        }

        return resolved;
    }
}
