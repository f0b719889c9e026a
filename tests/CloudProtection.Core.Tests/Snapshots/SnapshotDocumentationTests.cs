using System;
using System.IO;
using CloudProtection.Facts;
using CloudProtection.Snapshots;
using Xunit;

namespace CloudProtection.Core.Tests.Snapshots;

public class SnapshotDocumentationTests
{
    private const string ExampleHeading = "## Complete example";

    /// <summary>Returns the JSON block under the "Complete example" heading of docs/snapshot-format.md.</summary>
    private static string ReadDocumentedExample()
    {
        // The tests run from bin/, so the repository root is the nearest folder above with the solution file.
        DirectoryInfo? folder = new(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CloudProtection.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        string markdown = File.ReadAllText(Path.Combine(folder!.FullName, "docs", "snapshot-format.md")).Replace("\r\n", "\n");

        int heading = markdown.IndexOf(ExampleHeading, StringComparison.Ordinal);
        Assert.True(heading >= 0, "docs/snapshot-format.md has no '" + ExampleHeading + "' section.");
        int start = markdown.IndexOf("```json\n", heading, StringComparison.Ordinal) + "```json\n".Length;
        int end = markdown.IndexOf("```", start, StringComparison.Ordinal);
        return markdown.Substring(start, end - start);
    }

    [Fact]
    public void DocumentedExample_Loads()
    {
        MachineFacts facts = SnapshotSerializer.Deserialize(ReadDocumentedExample(), "snapshot-format.md");

        Assert.Equal("WS-0142", facts.ComputerName);
        Assert.Equal(3, facts.Registry.Count);
        Assert.Equal(5, facts.Preference.Count);
        Assert.Single(facts.PolicyRecords);
    }

    [Fact]
    public void DocumentedExample_IsWriterOutput()
    {
        string example = ReadDocumentedExample();

        string rewritten = SnapshotSerializer.Serialize(SnapshotSerializer.Deserialize(example, "snapshot-format.md"));

        Assert.Equal(example, rewritten);
    }
}
