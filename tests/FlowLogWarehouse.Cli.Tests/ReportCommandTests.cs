using System.Text.Json;
using FlowLogWarehouse.Cli.Tests.Fixtures;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Cli.Tests;

/// <summary><c>flowlogs report list|show|run</c> through the real entry point.</summary>
public sealed class ReportCommandTests(DemoWarehouse warehouse) : IClassFixture<DemoWarehouse>
{
    private string[] Day1 => ["--warehouse", warehouse.Path, "--from", "2026-11-01", "--to", "2026-11-02"];

    [Fact]
    public async Task List_ShowsEveryReportWithItsParameters()
    {
        var result = await CliProcess.RunAsync(["report", "list"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"rejected\s+1\s+Rejected traffic", result.StdOut);
        Assert.Contains("limit integer = 50", result.StdOut);

        var json = await CliProcess.RunAsync(["report", "list", "--json"]);
        using var document = JsonDocument.Parse(json.StdOut);
        var rejected = document.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "rejected");
        Assert.Equal("integer", rejected.GetProperty("parameters")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Show_PrintsTheReleasedFile_AndUnknownNamesSuggest()
    {
        var shown = await CliProcess.RunAsync(["report", "show", "rejected@1"]);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.StartsWith("-- name: rejected", shown.StdOut);
        Assert.Contains("{{window}}", shown.StdOut);

        var unknown = await CliProcess.RunAsync(["report", "show", "reject"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("did you mean", unknown.StdErr);
    }

    [Fact]
    public async Task Run_Csv_IsExactAndCoversTheWindow()
    {
        var result = await CliProcess.RunAsync(["report", "run", "hourly", .. Day1, "--output", "csv"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdOut.TrimEnd().Split('\n');
        Assert.Equal("hour_start,flows,packets,bytes,rank_by_bytes", lines[0]);
        Assert.Equal(25, lines.Length);
        Assert.StartsWith("2026-11-01T00:00:00Z,", lines[1]);
        Assert.Contains("hourly@1 over 2026-11-01T00:00:00Z .. 2026-11-02T00:00:00Z: 24 row(s)", result.StdErr);
    }

    [Fact]
    public async Task Run_Table_IsForPeople()
    {
        var result = await CliProcess.RunAsync(["report", "run", "rejected", .. Day1, "--param", "limit=5"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("srcaddr", result.StdOut);
        Assert.Contains("(5 rows)", result.StdOut);
    }

    [Fact]
    public async Task Run_Png_DrawsTheReportsChart()
    {
        var png = Path.Combine(warehouse.Root, $"hourly-{Guid.NewGuid():N}.png");
        var result = await CliProcess.RunAsync(["report", "run", "hourly", .. Day1, "--out", png]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 10_000, $"a chart of 24 hours is more than {bytes.Length} bytes");
    }

    [Fact]
    public async Task Run_Parquet_HoldsTheRows()
    {
        var file = Path.Combine(warehouse.Root, $"rejected-{Guid.NewGuid():N}.parquet");
        var result = await CliProcess.RunAsync(["report", "run", "rejected", .. Day1, "--output", "parquet", "--out", file, "--param", "limit=7"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(7, DuckDbQuery.Long("SELECT count(*) FROM read_parquet($1)", file));
    }

    [Theory]
    [InlineData(new[] { "--param", "limit=lots" }, "'lots' is not an integer")]
    [InlineData(new[] { "--param", "limt=5" }, "has no parameter 'limt'")]
    [InlineData(new[] { "--param", "limit" }, "is not name=value")]
    [InlineData(new[] { "--output", "png" }, "add --out <file>")]
    [InlineData(new[] { "--output", "xml" }, "unknown output format 'xml'")]
    [InlineData(new[] { "--from", "last tuesday" }, "--from 'last tuesday' is not a UTC date")]
    public async Task Run_Mistakes_AreOneLineUsageErrors(string[] extra, string message)
    {
        var result = await CliProcess.RunAsync(["report", "run", "rejected", "--warehouse", warehouse.Path, .. extra]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
    }

    [Fact]
    public async Task Run_OnAMissingWarehouse_SaysSo()
    {
        var result = await CliProcess.RunAsync(["report", "run", "rejected", "--warehouse", Path.Combine(warehouse.Root, "nope")]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.StdErr);
    }
}
