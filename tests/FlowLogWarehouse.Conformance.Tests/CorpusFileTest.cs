using System.Text;
using FlowLogWarehouse.Conformance.Tests.Corpus;
using FlowLogWarehouse.Core.Formats;
using Xunit.Abstractions;

namespace FlowLogWarehouse.Conformance.Tests;

/// <summary>The corpus text files read as a loader reads them: a header line, then records of that header's format.</summary>
public class CorpusFileTest(ITestOutputHelper output)
{
    /// <summary>Every .log file of the corpus, as "folder/file".</summary>
    private static IReadOnlyList<string> LogFileNames =>
        Directory.GetDirectories(CorpusLocator.Directory)
            .SelectMany(d => Directory.GetFiles(d, "*.log"))
            .Select(f => Path.GetRelativePath(CorpusLocator.Directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The .log files whose line 1 is no case: the files that start with a header.</summary>
    private static IReadOnlyList<string> FileWithHeaderNames =>
        LogFileNames.Where(f => !CasesOf(f).Any(c => c.LineNo == 1)).ToList();

    public static TheoryData<string> LogFiles => new(LogFileNames);

    public static TheoryData<string> FilesWithHeader => new(FileWithHeaderNames);

    [Theory]
    [MemberData(nameof(FilesWithHeader))]
    public void FileWithHeader_EveryRecord_ParsesWithTheHeadersFormat(string file)
    {
        var lines = CorpusCases.ReadLines(PathOf(file));
        var cases = CasesOf(file).ToList();
        Assert.NotEmpty(cases);

        Assert.True(FlowLogFormat.TryParseHeader(Encoding.UTF8.GetBytes(lines[0]), out var header), $"{file}: line 1 is not a header: {lines[0]}");
        output.WriteLine($"{file}: header '{header}'");

        foreach (var c in cases)
        {
            Assert.Equal(c.Format is null ? FlowLogFormat.Default : FlowLogFormat.Parse(c.Format), header);
            var record = ParsedRecord.Parse(header, lines[c.LineNo!.Value - 1]);
            output.WriteLine($"line {c.LineNo}: expect {c.Expect}, {record.Reason}");
            if (c.Expect == "ok")
            {
                Assert.True(record.Ok, $"{c.Id}: did not parse with the header's format: {record.Reason}");
                Assert.Empty(ExpectedValues.Differences(c, record));
            }
            else
            {
                Assert.Contains(c.Expect, new[] { "error", "skip" });
                Assert.False(record.Ok, $"{c.Id}: expected '{c.Expect}' but parsed with the header's format");
            }
        }
    }

    [Theory]
    [MemberData(nameof(LogFiles))]
    public void LogFile_EveryLine_IsACaseOrTheHeader(string file)
    {
        var lines = CorpusCases.ReadLines(PathOf(file));
        var covered = CasesOf(file).Select(c => c.LineNo!.Value).ToHashSet();

        for (var n = 1; n <= lines.Count; n++)
        {
            if (covered.Contains(n))
                continue;
            Assert.True(n == 1, $"{file}:{n} is no case: {lines[n - 1]}");
            Assert.True(FlowLogFormat.TryParseHeader(Encoding.UTF8.GetBytes(lines[0]), out _), $"{file}:1 is neither a case nor a header");
        }
        Assert.All(covered, n => Assert.InRange(n, 1, lines.Count));
    }

    [Fact]
    public void FilesWithHeader_Always_AreTheS3AndOpenTelemetryFiles()
    {
        // The READMEs of flowlogs-reader and otel-collector-contrib list these as starting with a header line.
        Assert.Equal(
            [
                "flowlogs-reader/v3-s3-file.log", "flowlogs-reader/v4-s3-file.log", "flowlogs-reader/v5-s3-file.log",
                "flowlogs-reader/v6-tgw-s3-file.log",
                "otel-collector-contrib/valid_tgw_flow_log.log", "otel-collector-contrib/valid_vpc_flow_log.log",
                "otel-collector-contrib/valid_vpc_flow_log_ecs.log", "otel-collector-contrib/valid_vpc_flow_log_multi.log",
                "otel-collector-contrib/vpc_flow_log_too_few_fields.log", "otel-collector-contrib/vpc_flow_log_too_many_fields.log",
            ],
            FileWithHeaderNames);
    }

    private static string PathOf(string file) => Path.Combine(CorpusLocator.Directory, file);

    private static IEnumerable<CorpusCase> CasesOf(string file) =>
        CorpusCases.All.Where(c => c.LineNo is not null && $"{c.Folder}/{c.File}" == file);
}
