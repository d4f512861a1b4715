using FlowLogWarehouse.Generator;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Loader.Tests;

/// <summary>
/// The load process is SIGKILLed at points of its commit protocol (FLOWLOGS_FAULT makes it kill itself there, as an
/// outside kill at that moment would) and at random moments; the next run must leave exactly the input's rows.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly Scratch _s = new();
    private readonly long _expectedRows;
    private readonly long _expectedBytes;

    public CrashSafetyTests()
    {
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = _s.Inputs, Days = 1, RowsPerDay = 20_000, Seed = 11, Gzip = true });
        var summary = FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = Path.Combine(_s.Root, "copy"), Days = 1, RowsPerDay = 20_000, Seed = 11 });
        _expectedRows = summary.Records;
        _expectedBytes = DuckDbQuery.Long(
            "SELECT sum(TRY_CAST(bytes AS BIGINT)) FROM read_csv($1, delim = ' ', header = true, all_varchar = true)",
            Path.Combine(_s.Root, "copy", "**", "*.log"));
    }

    public void Dispose() => _s.Dispose();

    [Theory]
    [InlineData("before-journal")]
    [InlineData("after-journal")]
    [InlineData("mid-rename")]
    [InlineData("before-manifest")]
    [InlineData("after-manifest")]
    public async Task Load_KilledAtCommitPoint_NextRunCompletesExactly(string point)
    {
        var killed = await RunLoad(fault: point);
        Assert.Equal(137, killed.ExitCode);

        var rerun = await RunLoad();
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        AssertExactlyTheInput();
        Assert.Empty(Directory.GetDirectories(Path.Combine(_s.Warehouse, "_flowlogs", "staging")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_s.Warehouse, "_flowlogs", "journal")));

        var again = await RunLoad();
        Assert.Contains("Nothing new to load", again.StdOut);
    }

    [Theory]
    [InlineData("mid-rename")]
    [InlineData("after-manifest")]
    [InlineData("after-retire")]
    public async Task Reload_KilledAtCommitPoint_NextRunLeavesNoDuplicates(string point)
    {
        Assert.Equal(0, (await RunLoad()).ExitCode);
        var killed = await RunLoad(fault: point, "--reload");
        Assert.Equal(137, killed.ExitCode);

        var rerun = await RunLoad();
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        AssertExactlyTheInput();
    }

    [Fact]
    public async Task Load_KilledAtRandomMoments_NextRunCompletesExactly()
    {
        var random = new Random(5);
        for (var attempt = 0; attempt < 3; attempt++)
            await RunLoad(killAfter: TimeSpan.FromMilliseconds(random.Next(300, 2500)));
        var final = await RunLoad();
        Assert.True(final.ExitCode == 0, final.ToString());
        AssertExactlyTheInput();
    }

    private void AssertExactlyTheInput()
    {
        Assert.Equal(_expectedRows, _s.Count());
        Assert.Equal(_expectedBytes, DuckDbQuery.ToLong(_s.Query("SELECT sum(bytes) FROM flow_logs").Single()[0]));
    }

    private async Task<CliResult> RunLoad(string? fault = null, params string[] extra) => await RunLoad(fault, null, extra);

    private async Task<CliResult> RunLoad(TimeSpan killAfter) => await RunLoad(null, killAfter);

    private Task<CliResult> RunLoad(string? fault, TimeSpan? killAfter, params string[] extra) =>
        CliProcess.RunAsync(
            new[] { "load", _s.Inputs, "--warehouse", _s.Warehouse }.Concat(extra),
            new CliRun
            {
                Environment = fault is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["FLOWLOGS_FAULT"] = fault },
                KillAfter = killAfter,
            });
}
