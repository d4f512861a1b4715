using System.Text.RegularExpressions;
using FlowLogWarehouse.Cli.Tests.Fixtures;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Cli.Tests;

public class GenerateCommandTests
{
    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--days", "0"], "--days must be a whole number of at least 1, not '0'." },
        { ["--days", "two"], "--days must be a whole number of at least 1, not 'two'." },
        { ["--days", "99999999999"], "--days is out of range: '99999999999' (1 to 2147483647)." },
        { ["--rows-per-day", "-5"], "--rows-per-day must be a whole number of at least 1, not '-5'." },
        { ["--seed", "x"], "--seed must be a whole number, not 'x'." },
        { ["--start", "2026-13-01"], "--start must be a date as YYYY-MM-DD, not '2026-13-01'." },
        { ["--start", "11/01/2026"], "--start must be a date as YYYY-MM-DD, not '11/01/2026'." },
        { ["--account-id", "12345"], "--account-id must be an AWS account ID of 12 digits, not '12345'." },
        { ["--region", "Mars"], "--region must be an AWS Region such as us-east-1, not 'Mars'." },
        { ["--format", "version srcadr"], "Did you mean 'srcaddr'?" },
        { ["--gzip", "--bogus"], "Unrecognized command or argument '--bogus'." },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Generate_BadArgument_ExitsWithUsageAndWritesNothing(string[] args, string message)
    {
        using var temp = new TempDirectory("generate");
        var output = temp.Combine("logs");

        var run = await InProcess.RunAsync(["generate", "--out", output, .. args]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var lines = InProcess.Lines(run.StdErr);
        Assert.StartsWith("flowlogs: error: ", lines[0]);
        Assert.Contains(message, lines[0]);
        Assert.Equal("Run 'flowlogs generate --help' for usage.", lines[^1]);
        Assert.False(InProcess.HasStackTrace(run.StdErr));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Generate_WithoutOut_ExitsWithUsage()
    {
        var run = await InProcess.RunAsync("generate", "--days", "1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("flowlogs: error: Option '--out' is required.", run.StdErr);
    }

    [Fact]
    public async Task Generate_OutIsAFile_ExitsWithUsage()
    {
        using var temp = new TempDirectory("generate");
        var file = temp.Combine("flows.log");
        await File.WriteAllTextAsync(file, "");

        var run = await InProcess.RunAsync("generate", "--out", file, "--rows-per-day", "10");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal([$"flowlogs: error: --out '{file}' is a file; give a directory."], InProcess.Lines(run.StdErr));
    }

    [Fact]
    public async Task Generate_SmallRun_PrintsAOneLineSummary()
    {
        using var temp = new TempDirectory("generate");
        var output = temp.Combine("logs");

        var run = await InProcess.RunAsync("generate", "--out", output, "--days", "2", "--rows-per-day", "50", "--gzip");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.StdErr);
        var summary = Assert.Single(InProcess.Lines(run.StdOut));
        Assert.Matches(
            new Regex(@"^Generated [\d,]+ files?, [\d,]+ records?, [\d,]+ bytes? in \d+\.\d\d s \([\d,]+ lines/s\) into " + Regex.Escape(output) + "$"),
            summary);
        Assert.NotEmpty(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories));
    }
}
