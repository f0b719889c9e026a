using CloudProtection.Snapshots;
using Xunit;

namespace CloudProtection.Core.Tests.Snapshots;

public class SnapshotValidationTests
{
    private const string SourcePath = "/data/ws-0142.snapshot.json";

    private const string Header = "\"format\": \"CloudProtection.Snapshot\", \"version\": 1, \"computerName\": \"WS\"";

    private static SnapshotFormatException Reject(string json) =>
        Assert.Throws<SnapshotFormatException>(() => SnapshotSerializer.Deserialize(json, SourcePath));

    [Theory]
    [InlineData("{ \"version\": 1, \"computerName\": \"WS\", \"registry\": [] }", "format", "The property 'format' is missing, so this is not a CloudProtection snapshot")]
    [InlineData("{ \"format\": \"Other\", \"version\": 1 }", "format", "The format is 'Other', not 'CloudProtection.Snapshot'")]
    [InlineData("{ \"format\": 7 }", "format", "The format is a number, not 'CloudProtection.Snapshot'")]
    [InlineData("{ \"format\": \"CloudProtection.Snapshot\" }", "version", "The required property 'version' is missing")]
    [InlineData("{ \"format\": \"CloudProtection.Snapshot\", \"version\": \"1\" }", "version", "The version must be an integer, but it is the string '1'.")]
    [InlineData("{ \"format\": \"CloudProtection.Snapshot\", \"version\": 1.5 }", "version", "The version must be an integer, but it is the number 1.5.")]
    [InlineData("{ \"format\": \"CloudProtection.Snapshot\", \"version\": 0 }", "version", "Snapshot format version 0 does not exist")]
    [InlineData("{ \"format\": \"CloudProtection.Snapshot\", \"version\": 1, \"registry\": [] }", "computerName", "The required property 'computerName' is missing")]
    [InlineData("{ " + Header + " }", "registry", "The required property 'registry' is missing")]
    [InlineData("{ " + Header + ", \"registry\": {} }", "registry", "The registry must be an array, but it is an object.")]
    [InlineData("{ " + Header + ", \"registry\": [7] }", "registry[0]", "A registry entry must be an object, but it is the number 7.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"name\": \"N\", \"state\": \"Absent\" }] }", "registry[0].key", "The required property 'key' is missing")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": 3, \"state\": \"Absent\" }] }", "registry[0].name", "'name' must be a string, but it is the number 3.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\" }] }", "registry[0].state", "The required property 'state' is missing")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"Gone\" }] }", "registry[0].state", "Unknown registry value state 'Gone'. The allowed values are Present, Absent, WrongType and Unreadable.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"present\" }] }", "registry[0].state", "Unknown registry value state 'present'.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": 0 }] }", "registry[0].state", "Unknown registry value state the number 0.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"Present\" }] }", "registry[0].value", "The registry value is Present but has no 'value'.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"Present\", \"value\": null }] }", "registry[0].value", "The registry value is Present but has no 'value'.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"Present\", \"value\": -1 }] }", "registry[0].value", "A registry value must be a DWORD, a whole number from 0 to 4294967295, but it is the number -1.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"Present\", \"value\": 4294967296 }] }", "registry[0].value", "but it is the number 4294967296.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"Present\", \"value\": 1.5 }] }", "registry[0].value", "but it is the number 1.5.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"Present\", \"value\": \"1\" }] }", "registry[0].value", "but it is the string '1'.")]
    [InlineData("{ " + Header + ", \"registry\": [{ \"key\": \"K\", \"name\": \"N\", \"state\": \"Unreadable\", \"error\": 5 }] }", "registry[0].error", "'error' must be a string or null, but it is the number 5.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"preference\": [] }", "preference", "'preference' must be an object, but it is an array.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"preference\": {} }", "preference.status", "The required property 'status' is missing")]
    [InlineData("{ " + Header + ", \"registry\": [], \"preference\": { \"status\": \"Done\" } }", "preference.status", "Unknown status 'Done'. The allowed values are Read, NotCollected and Failed.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"preference\": { \"status\": \"Read\", \"values\": [] } }", "preference.values", "'values' must be an object, but it is an array.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"preference\": { \"status\": \"Read\", \"values\": { \"A\": {} } } }", "preference.values.A", "A preference value must be a boolean, number, string, null or an array of these, but it is an object.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"preference\": { \"status\": \"Read\", \"values\": { \"A\": [1, [2]] } } }", "preference.values.A[1]", "A preference array may contain only booleans, numbers, strings and null, but this item is an array.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"preference\": { \"status\": \"Read\", \"values\": { \"A\": 1, \"a\": 2 } } }", "preference.values.a", "The preference 'a' occurs twice with different letter case.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"preference\": { \"status\": \"Read\", \"values\": { \"x.y\": 1e999 } } }", "preference.values['x.y']", "The number 1e999 is outside the range of a Double.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"computerStatus\": { \"status\": \"Read\", \"IsTamperProtected\": \"yes\" } }", "computerStatus.IsTamperProtected", "'IsTamperProtected' must be true, false or null, but it is the string 'yes'.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"computerStatus\": { \"status\": \"Failed\", \"error\": false } }", "computerStatus.error", "'error' must be a string or null, but it is false.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"policyRecords\": { \"status\": \"Read\", \"records\": {} } }", "policyRecords.records", "The records must be an array, but they are an object.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"policyRecords\": { \"status\": \"Read\", \"records\": [null] } }", "policyRecords.records[0]", "A policy record must be an object, but it is null.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"policyRecords\": { \"status\": \"Read\", \"records\": [{ \"key\": \"K\" }] } }", "policyRecords.records[0].name", "The required property 'name' is missing")]
    [InlineData("{ " + Header + ", \"registry\": [], \"capturedAt\": \"yesterday\" }", "capturedAt", "'yesterday' is not a valid timestamp.")]
    [InlineData("{ " + Header + ", \"registry\": [], \"capturedAt\": \"2026-11-30T08:15:00\" }", "capturedAt", "'2026-11-30T08:15:00' is not a valid timestamp.")]
    public void Deserialize_InvalidMember(string json, string jsonPath, string detail)
    {
        SnapshotFormatException error = Reject(json);

        Assert.Equal(jsonPath, error.JsonPath);
        Assert.Contains("ws-0142.snapshot.json", error.Message);
        Assert.Contains(" at " + jsonPath + " (line 1, column ", error.Message);
        Assert.Contains(detail, error.Message);
        Assert.Equal(SourcePath, error.Path);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Deserialize_NotAnObject()
    {
        SnapshotFormatException error = Reject("[]");

        Assert.Equal(string.Empty, error.JsonPath);
        Assert.Equal($"Snapshot file '{SourcePath}' is invalid (line 1, column 1): A snapshot is a JSON object, but this file contains an array.", error.Message);
    }

    [Fact]
    public void Deserialize_InvalidValuePosition()
    {
        string json = "{\n  " + Header + ",\n  \"registry\": [\n    { \"key\": \"K\", \"name\": \"N\", \"state\": \"Gone\" }\n  ]\n}";

        SnapshotFormatException error = Reject(json);

        Assert.Equal(4, error.Line);
        Assert.Equal(41, error.Column);
        Assert.Contains("registry[0].state (line 4, column 41)", error.Message);
    }

    [Fact]
    public void Deserialize_SyntaxErrorPosition()
    {
        string json = "{\n  \"format\": \"CloudProtection.Snapshot\",\n  \"version\": 1\n  \"computerName\": \"WS\"\n}";

        SnapshotFormatException error = Reject(json);

        Assert.Equal(4, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Null(error.JsonPath);
        Assert.Equal(
            $"Snapshot file '{SourcePath}' is not valid JSON: Expected ',' or '}}' after an object member but found '\"' at line 4, column 3.",
            error.Message);
    }

    [Fact]
    public void Deserialize_EmptyText()
    {
        SnapshotFormatException error = Reject(string.Empty);

        Assert.Contains("ws-0142.snapshot.json", error.Message);
        Assert.Contains("line 1, column 1", error.Message);
    }

    [Fact]
    public void Deserialize_NewerVersion()
    {
        SnapshotFormatException error = Reject("{ \"format\": \"CloudProtection.Snapshot\", \"version\": 2, \"somethingNew\": {} }");

        Assert.Equal(
            $"Snapshot file '{SourcePath}' cannot be read: snapshot format version 2 is not supported by this module version; "
            + "it reads version 1. Update the CloudProtection module.",
            error.Message);
        Assert.Equal("version", error.JsonPath);
    }

    [Fact]
    public void Deserialize_DuplicatePropertyRejected()
    {
        SnapshotFormatException error = Reject("{ " + Header + ", \"registry\": [], \"computerName\": \"Other\" }");

        Assert.Contains("Duplicate property name 'computerName'", error.Message);
        Assert.Equal(1, error.Line);
    }
}
