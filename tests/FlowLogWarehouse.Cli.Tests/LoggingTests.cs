using System.Text.Json;
using FlowLogWarehouse.Cli.Tests.Fixtures;

namespace FlowLogWarehouse.Cli.Tests;

public class LoggingTests
{
    private static Task<TestSupport.CliResult> RunLogAsync(params string[] options) =>
        InProcess.RunAsync(new CliApp([new LoggingCommand()]), ["log", .. options]);

    [Fact]
    public async Task Logging_Default_WritesInformationAsTextToStderrOnly()
    {
        var run = await RunLogAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("result\n", run.StdOut);
        var line = Assert.Single(InProcess.Lines(run.StdErr));
        Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] Loaded 42 rows from flows.log.gz$", line);
    }

    [Fact]
    public async Task Logging_Verbose_AddsDebugEvents()
    {
        var run = await RunLogAsync("--verbose");

        var lines = InProcess.Lines(run.StdErr);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\[\d\d:\d\d:\d\d DBG\] Debug detail 1$", lines[0]);
    }

    [Fact]
    public async Task Logging_Json_WritesOneCompactJsonObjectPerLine()
    {
        var run = await RunLogAsync("--log-format", "json", "-v");

        Assert.Equal("result\n", run.StdOut);
        var events = InProcess.Lines(run.StdErr).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("Debug", events[0].GetProperty("@l").GetString());
        Assert.Equal("Loaded {Rows} rows from {Source}", events[1].GetProperty("@mt").GetString());
        Assert.Equal(42, events[1].GetProperty("Rows").GetInt32());
        Assert.True(events[1].TryGetProperty("@t", out _));
    }
}
