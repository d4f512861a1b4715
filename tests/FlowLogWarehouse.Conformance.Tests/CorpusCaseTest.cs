using System.Text;
using System.Text.Json;
using FlowLogWarehouse.Conformance.Tests.Corpus;
using FlowLogWarehouse.Core.Formats;
using Xunit.Abstractions;

namespace FlowLogWarehouse.Conformance.Tests;

/// <summary>Every case of shared/corpus/*/cases.jsonl through the Core parser, one test case each.</summary>
public class CorpusCaseTest(ITestOutputHelper output)
{
    /// <summary>Cases that are a line of a text file.</summary>
    internal static IReadOnlyList<string> LineCaseIds => CorpusCases.All.Where(c => c.JsonPath is null).Select(c => c.Id).ToList();

    /// <summary>Records inside a JSON envelope (CloudWatch Logs subscription): their record text, at parser level.</summary>
    internal static IReadOnlyList<string> EnvelopeRecordIds => CorpusCases.All.Where(c => c.JsonPath is not null).Select(c => c.Id).ToList();

    public static TheoryData<string> LineCases => new(LineCaseIds);

    public static TheoryData<string> EnvelopeRecords => new(EnvelopeRecordIds);

    [Theory]
    [MemberData(nameof(LineCases))]
    public void LineCase_Parsed_AsTheSourceExpects(string id)
    {
        var c = CorpusCases.Get(id);
        Assert.NotNull(c.LineNo);
        var lines = CorpusCases.ReadLines(c.SourcePath);
        Assert.True(c.LineNo <= lines.Count, $"{id}: {c.File} has {lines.Count} lines, not {c.LineNo}");
        Assert.Equal(lines[c.LineNo!.Value - 1], c.Line);

        Run(c);
    }

    // The loader's decoding of the envelope is tested with the loader; here only the record text meets the parser.
    [Theory]
    [MemberData(nameof(EnvelopeRecords))]
    public void EnvelopeRecord_RecordTextAtParserLevel_AsTheSourceExpects(string id)
    {
        var c = CorpusCases.Get(id);
        Assert.Null(c.LineNo);
        Assert.Equal(MessageAt(c.SourcePath, c.JsonPath!), c.Line);

        Run(c);
    }

    private void Run(CorpusCase c)
    {
        Assert.NotNull(c.Line);
        var line = c.Line!;
        var format = c.Format is null ? FlowLogFormat.Default : FlowLogFormat.Parse(c.Format);
        var isHeader = FlowLogFormat.TryParseHeader(Encoding.UTF8.GetBytes(line), out var header);
        output.WriteLine($"{c.Id}: expect {c.Expect}, format '{format}'");

        switch (c.Expect)
        {
            case "ok":
            {
                Assert.False(isHeader, $"{c.Id}: a record was taken for a header");
                var record = ParsedRecord.Parse(format, line);
                Assert.True(record.Ok, $"{c.Id}: did not parse: {record.Reason}");
                var differences = ExpectedValues.Differences(c, record);
                Assert.True(differences.Count == 0, $"{c.Id}:\n  {string.Join("\n  ", differences)}");
                output.WriteLine(c.Expected is { } expected
                    ? $"parsed; {expected.EnumerateObject().Count()} expected values and {c.AbsentInExpected.Count} absent ones agree"
                    : "parsed; the source gives no values to compare");
                break;
            }
            case "error":
            case "skip":
            {
                Assert.False(isHeader, $"{c.Id}: a bad line was taken for a header");
                var record = ParsedRecord.Parse(format, line);
                Assert.False(record.Ok, $"{c.Id}: expected '{c.Expect}' but the line parsed");
                output.WriteLine($"rejected: {record.Reason}");
                break;
            }
            case "header":
                Assert.True(isHeader, $"{c.Id}: not recognised as a header");
                Assert.Equal(format, header);
                break;
            default:
                Assert.Fail($"{c.Id}: unknown expect '{c.Expect}'");
                break;
        }
    }

    /// <summary>The string at a path like <c>logEvents[1].message</c> in a JSON file.</summary>
    private static string? MessageAt(string path, string jsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var e = document.RootElement;
        foreach (var part in jsonPath.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            e = e.GetProperty(bracket < 0 ? part : part[..bracket]);
            if (bracket >= 0)
                e = e[int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)];
        }
        return e.GetString();
    }
}
