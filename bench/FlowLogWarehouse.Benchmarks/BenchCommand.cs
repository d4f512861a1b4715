using System.Globalization;

namespace FlowLogWarehouse.Benchmarks;

internal enum Engine
{
    Ours,
    DuckDb,
}

/// <summary>One measured command and what it left behind.</summary>
internal sealed record RunRecord(
    InputSetSpec Set, Engine Engine, int Run, MeasureResult Measure, long OutputBytes, int OutputFiles, Totals? OutputTotals, string Log)
{
    public bool Failed => Measure.ExitCode != 0;

    /// <summary>Set when the output's totals differ from the input's or from DuckDB's output.</summary>
    public string? Mismatch { get; set; }

    public string EngineName => Engine == Engine.Ours ? "flowlogs load" : "DuckDB COPY";
}

/// <summary>Every run of one input set.</summary>
internal sealed record SetResult(PreparedInput Prepared, List<RunRecord> Runs)
{
    public string? Failure { get; set; }
}

/// <summary>
/// The orchestrator: generates the inputs, runs our loader and DuckDB's COPY alternately under fresh measurers,
/// checks every output against the input, and prints and stores the comparison with the targets.
/// </summary>
internal static class BenchCommand
{
    public static int PrintUsage()
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var flowlogs = ResolveFlowlogs(options.Flowlogs);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var work = options.WorkDirectory;
        var logDirectory = Path.Combine(work, "logs", stamp);
        Directory.CreateDirectory(logDirectory);
        var duckDbTemp = Path.Combine(work, "duckdb-tmp");
        var runner = new ProcessRunner(options.Timeout);
        var store = new InputStore(work, flowlogs, options.Seed, options.Regenerate, runner, logDirectory);
        var specs = InputSetSpec.From(options);

        string duckDbVersion;
        using (var duckDb = new DuckDb(duckDbTemp))
            duckDbVersion = duckDb.Version();
        var environment = BenchEnvironment.Describe(string.Join(' ', flowlogs), duckDbVersion);
        Console.WriteLine($"# FlowLogWarehouse bench {stamp}");
        Console.WriteLine(environment);
        Console.WriteLine($"work {work}, logs {logDirectory}");

        DiskSpace.EnsureEnough(work, specs, store);

        Console.WriteLine("Inputs:");
        var prepared = new List<PreparedInput>();
        foreach (var spec in specs)
            prepared.Add(await store.PrepareAsync(spec));

        var results = new List<SetResult>();
        foreach (var input in prepared.Where(p => !p.Spec.IsReports && !p.Spec.IsS3))
            results.Add(await RunSetAsync(input, options, flowlogs, runner, work, logDirectory, duckDbTemp));
        var s3 = prepared.FirstOrDefault(p => p.Spec.IsS3) is { } s3Input
            ? await S3Bench.RunAsync(s3Input, options, flowlogs, runner, work, logDirectory, duckDbTemp)
            : null;
        var reports = prepared.FirstOrDefault(p => p.Spec.IsReports) is { } reportsInput
            ? await ReportsBench.RunAsync(reportsInput, options, flowlogs, runner, work, logDirectory, duckDbTemp)
            : null;

        var report = new BenchReport(stamp, environment, options, results);
        var markdown = report.Render();
        if (s3 is not null)
            markdown += Environment.NewLine + S3Table.Render(s3, options);
        if (reports is not null)
            markdown += Environment.NewLine + ReportsTable.Render(reports, options);
        Console.WriteLine();
        Console.WriteLine(markdown);
        var resultsPath = Path.Combine(work, $"results-{stamp}.md");
        var runs = report.RenderRuns() +
            (s3 is null ? "" : Environment.NewLine + S3Table.RenderRuns(s3)) +
            (reports is null ? "" : Environment.NewLine + ReportsTable.RenderRuns(reports));
        File.WriteAllText(resultsPath, markdown + Environment.NewLine + runs);
        Console.WriteLine($"Written to {resultsPath}");

        if (results.Any(r => r.Failure is not null) || s3?.Failure is not null || reports?.AnyFailure == true)
            return 1;
        return results.Any(r => r.Runs.Any(run => run.Mismatch is not null)) || s3?.AnyMismatch == true || reports?.AnyMismatch == true ? 3 : 0;
    }

    private static async Task<SetResult> RunSetAsync(
        PreparedInput prepared, BenchOptions options, IReadOnlyList<string> flowlogs, ProcessRunner runner,
        string work, string logDirectory, string duckDbTemp)
    {
        var spec = prepared.Spec;
        var result = new SetResult(prepared, []);
        Engine[] engines = spec.IsLarge ? [Engine.Ours] : [Engine.Ours, Engine.DuckDb];
        var repeats = spec.IsLarge ? options.LargeRepeat : options.Repeat;
        Console.WriteLine();
        Console.WriteLine($"{spec.Name}: {prepared.Reference.Rows:N0} lines, {prepared.Input.Files.Count:N0} files, {prepared.Input.TotalBytes / 1e6:N0} MB; {repeats} run(s) per engine");
        PageCache.Warm(prepared.Input.Files);

        for (var run = 1; run <= repeats; run++)
        {
            // Alternate which engine goes first, so drift over the run (page cache, heat) falls on both alike.
            var order = run % 2 == 1 ? engines : engines.AsEnumerable().Reverse().ToArray();
            // A failed engine is not run again on this set; the other goes on, so its figures are still there.
            foreach (var engine in order.Where(e => !result.Runs.Any(r => r.Engine == e && r.Failed)))
            {
                RunRecord record;
                try
                {
                    record = await RunOnceAsync(prepared, engine, run, flowlogs, runner, work, logDirectory, duckDbTemp);
                }
                catch (BenchException e)
                {
                    result.Failure = e.Message;
                    Console.WriteLine($"  FAILED: {e.Message}");
                    return result;
                }
                result.Runs.Add(record);
                if (record.Failed)
                {
                    var failure = $"{record.EngineName} on {spec.Name} failed ({record.Measure.FailureText(options.Timeout)}); see {record.Log}";
                    result.Failure = result.Failure is null ? failure : result.Failure + "; " + failure;
                    Console.WriteLine($"  FAILED: {failure}{Environment.NewLine}{ProcessRunner.Tail(record.Log)}");
                    continue;
                }
                Console.WriteLine(
                    $"  {record.EngineName,-13} run {run}/{repeats}: {record.Measure.ElapsedSeconds,7:F2} s, " +
                    $"{record.Measure.MaxRssBytes / 1e6,6:F0} MB peak RSS, {record.OutputBytes / 1e6,7:F1} MB in {record.OutputFiles:N0} files" +
                    (record.Mismatch is null ? "" : $"  MISMATCH: {record.Mismatch}"));
            }
        }
        CrossCheck(result);
        return result;
    }

    private static async Task<RunRecord> RunOnceAsync(
        PreparedInput prepared, Engine engine, int run, IReadOnlyList<string> flowlogs, ProcessRunner runner,
        string work, string logDirectory, string duckDbTemp)
    {
        var spec = prepared.Spec;
        var name = engine == Engine.Ours ? "ours" : "duckdb";
        var output = Path.Combine(work, "out", name);
        InputStore.DeleteDirectory(output);
        // The previous run's files are still being written back: let that finish outside the timing.
        Libc.FlushFileSystems();

        var log = Path.Combine(logDirectory, $"{spec.Name}-{name}-{run}.log");
        List<string> command = engine == Engine.Ours
            ?
            [
                .. flowlogs, "load", prepared.Input.Directory, "--warehouse", output,
                "--summary-json", Path.Combine(logDirectory, $"{spec.Name}-ours-{run}.summary.json"),
            ]
            : [.. ProcessRunner.Self(), DuckDbCopyCommand.Name, "--input", prepared.Input.Directory, "--out", output, "--temp-dir", duckDbTemp];
        var measure = await runner.MeasureAsync(command, log);
        if (measure.ExitCode != 0)
            return new RunRecord(spec, engine, run, measure, 0, 0, null, log);

        var read = engine == Engine.Ours
            ? WarehouseOutput.OfOurs(output, prepared.Input, duckDbTemp)
            : WarehouseOutput.Read(output, Path.Combine(output, "**", "*.parquet"), prepared.Input, duckDbTemp);
        var record = new RunRecord(spec, engine, run, measure, read.Bytes, read.Files, read.Totals, log);
        record.Mismatch = read.MismatchWith(prepared.Reference, record.EngineName);
        return record;
    }

    /// <summary>Our outputs against DuckDB's, once both engines have run: the comparison a reader of a MISMATCH wants.</summary>
    private static void CrossCheck(SetResult result)
    {
        var duckDb = result.Runs.FirstOrDefault(r => r.Engine == Engine.DuckDb && r.OutputTotals is not null);
        if (duckDb is null)
            return;
        foreach (var ours in result.Runs.Where(r => r.Engine == Engine.Ours && r.OutputTotals is not null && r.OutputTotals != duckDb.OutputTotals))
        {
            var versus = $"DuckDB COPY's output has {duckDb.OutputTotals}";
            ours.Mismatch = ours.Mismatch is null ? $"{ours.EngineName} output has {ours.OutputTotals}; {versus}" : $"{ours.Mismatch}; {versus}";
            Console.WriteLine($"  MISMATCH run {ours.Run}: {ours.Mismatch}");
        }
    }

    /// <summary>The command that runs `flowlogs`: a launcher or executable as is, a .dll through the dotnet muxer.</summary>
    private static IReadOnlyList<string> ResolveFlowlogs(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new BenchException(
                $"flowlogs not found at {full}. Publish the CLI to ./bin first (make publish), or pass --flowlogs PATH " +
                "(a launcher, an executable, or flowlogs.dll).");
        return full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet", full] : [full];
    }
}
