using System.Text.Json;

namespace FlowLogWarehouse.Conformance.Tests.Corpus;

/// <summary>One line of a corpus folder's cases.jsonl (see shared/corpus/README.md for the fields).</summary>
internal sealed record CorpusCase(
    string Id,
    string Folder,
    string File,
    int? LineNo,
    string? JsonPath,
    string? Format,
    string? Line,
    string Expect,
    JsonElement? Expected,
    IReadOnlyList<string> AbsentInExpected,
    JsonElement? ExpectedExtra,
    IReadOnlyList<string> ExpectedFrom)
{
    /// <summary>Path of the file the case comes from.</summary>
    public string SourcePath => Path.Combine(CorpusLocator.Directory, Folder, File);

    /// <summary>
    /// True when the source asserted only the keys in expected (flowlogs-reader's millisecond test checks start/end
    /// only); its absent_in_expected then lists fields it did not look at, not fields it read as '-'.
    /// </summary>
    public bool AssertsOnlyExpectedKeys =>
        ExpectedFrom.Any(s => s.Contains("only", StringComparison.Ordinal) && s.Contains("asserted", StringComparison.Ordinal));

    public static CorpusCase Read(string folder, JsonElement e)
    {
        string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        JsonElement? Object(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v.Clone() : null;
        IReadOnlyList<string> Strings(string name) => e.TryGetProperty(name, out var v) switch
        {
            false => [],
            true when v.ValueKind == JsonValueKind.Array => v.EnumerateArray().Select(x => x.GetString()!).ToList(),
            true when v.ValueKind == JsonValueKind.String => [v.GetString()!],
            _ => [],
        };

        var id = Text("id") ?? throw new InvalidDataException($"{folder}/cases.jsonl: a case has no id: {e.GetRawText()}");
        var expect = Text("expect") ?? throw new InvalidDataException($"{id}: no expect");
        int? lineNo = e.TryGetProperty("line_no", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : null;
        return new CorpusCase(
            id, folder, Text("file") ?? throw new InvalidDataException($"{id}: no file"), lineNo, Text("json_path"),
            Text("format"), Text("record_text") ?? Text("line"), expect, Object("expected"), Strings("absent_in_expected"),
            Object("expected_extra"), Strings("expected_from"));
    }
}
