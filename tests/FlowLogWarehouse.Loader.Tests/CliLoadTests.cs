using System.IO.Compression;
using System.Text;
using System.Text.Json;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Loader.Tests;

/// <summary>The real <c>flowlogs load</c> entry point: stdin, exit codes, summary output and --summary-json.</summary>
public sealed class CliLoadTests : IDisposable
{
    private const string Record = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Load_GzippedStdin_IsReadAndCounted()
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            zip.Write(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(Record + "\n", 1000))));
        var result = await Run(buffer.ToArray(), "load", "-", "--warehouse", _s.Warehouse, "--summary-json", Path.Combine(_s.Root, "s.json"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1000, _s.Count());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_s.Root, "s.json")));
        Assert.Equal(1000, summary.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal(1000, summary.RootElement.GetProperty("lines_read").GetInt64());
        Assert.Equal("loaded", summary.RootElement.GetProperty("sources")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Load_ParquetOnStdin_IsSpooledCountedAndTheSpoolRemoved()
    {
        var parquet = AwsParquet.FromQuery(Path.Combine(_s.Root, "stdin.parquet"),
            "SELECT 2 AS version, '123456789010' AS account_id, (1418530010 + i)::BIGINT AS start FROM range(1000) r(i)");
        var temp = Directory.CreateDirectory(Path.Combine(_s.Root, "tmp")).FullName;
        var result = await CliProcess.RunAsync(["load", "-", "--warehouse", _s.Warehouse, "--summary-json", Path.Combine(_s.Root, "s.json")],
            new CliRun { Stdin = File.ReadAllBytes(parquet), Environment = new Dictionary<string, string> { ["TMPDIR"] = temp } });
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1000, _s.Count());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_s.Root, "s.json")));
        var source = summary.RootElement.GetProperty("sources")[0];
        Assert.Equal("parquet", source.GetProperty("kind").GetString());
        Assert.Equal(1000, source.GetProperty("lines_read").GetInt64());
        Assert.Equal(0, source.GetProperty("skipped").GetInt64());
        Assert.Empty(Directory.GetFileSystemEntries(temp));
    }

    [Fact]
    public async Task Load_StdinTextWithAFileThatBreaksMidway_RefusesRatherThanLoseStdin()
    {
        // Past the probe's first 64 KiB, then cut: the file fails only while the batch is being written.
        var whole = new MemoryStream();
        using (var zip = new GZipStream(whole, CompressionLevel.Fastest, leaveOpen: true))
            zip.Write(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => Record.Replace(" 20641 ", $" {i} ") + "\n"))));
        var path = _s.WriteBytes("cut.log.gz", whole.ToArray()[..(int)(whole.Length * 0.9)]);

        var result = await Run(Encoding.ASCII.GetBytes(Record + "\n"), "load", "-", path, "--warehouse", _s.Warehouse);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot be read a second time. Nothing was committed", result.StdErr);
        Assert.Empty(Directory.GetFiles(Path.Combine(_s.Warehouse, "_flowlogs", "manifest")));
    }

    [Fact]
    public async Task Load_TooManyBadLines_ExitsOneWithOneLineAndNoStackTrace()
    {
        _s.Write("junk.log", "not a flow log\nnor this\n");
        var result = await Run(null, "load", _s.Inputs, "--warehouse", _s.Warehouse);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("flowlogs: error: 2 of 2 records were bad", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
    }

    [Fact]
    public async Task Load_MissingWarehouseOption_IsUsageError()
    {
        var result = await Run(null, "load", _s.Inputs);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--warehouse", result.StdErr);
    }

    [Fact]
    public async Task Load_MissingInput_IsUsageErrorNamingIt()
    {
        var result = await Run(null, "load", Path.Combine(_s.Root, "nope"), "--warehouse", _s.Warehouse);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope' does not exist", result.StdErr);
    }

    [Fact]
    public async Task Load_Summary_PrintsAccountingLine()
    {
        _s.Write("a.log", Record + "\n\nbad line\n");
        var result = await Run(null, "load", _s.Inputs, "--warehouse", _s.Warehouse, "--max-bad-ratio", "0.9");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("lines_read 3 = rows 1 + quarantined 1 + skipped 1", result.StdOut);
        Assert.Contains("Bad lines: ", result.StdOut);
    }

    [Fact]
    public async Task Load_ThousandsOfSmallFiles_StayWithinTheProcessHeapLimit()
    {
        // 864 five-minute files of ~100 v5 rows: each leaves small buffers waiting for their hour's row group.
        // Budgeting rows instead of memory once ran the CLI's managed heap limit out on exactly this.
        Generator.FlowLogGenerator.Generate(new Generator.GeneratorOptions
        {
            OutputDirectory = _s.Inputs, Days = 3, RowsPerDay = 30_000, Format = "v5", Gzip = true, Seed = 3,
        });
        var result = await Run(null, "load", _s.Inputs, "--warehouse", _s.Warehouse);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(90_000, _s.Count());
    }

    private static Task<CliResult> Run(byte[]? stdin, params string[] args) => CliProcess.RunAsync(args, new CliRun { Stdin = stdin });
}
