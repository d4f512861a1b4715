using System.Globalization;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.Query.DuckDb;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>The reports benchmark's outcome: the warehouse, the window, each report's result.</summary>
internal sealed record ReportsResult(
    PreparedInput Input, LoadedWarehouse? Warehouse, TimeWindowText? Window, IReadOnlyList<string> Picked,
    IReadOnlyList<ReportResult> Reports, long PeakRssBytes, string? Failure, string? WarehouseMismatch)
{
    public bool AnyMismatch => WarehouseMismatch is not null || Reports.Any(r => r.Mismatch);

    public bool AnyFailure => Failure is not null || Reports.Any(r => r.Failure is not null || r.Cli?.Failed == true);
}

/// <summary>
/// DESIGN.md's 20× target: every report over the whole loaded month, (a) on the warehouse through
/// <see cref="DuckDbEngine.Open"/> and (b) on the raw .gz text through a read_csv view
/// (<see cref="DuckDbEngine.OpenView"/>), the same <see cref="ReportRunner"/> writing the same SQL and parameters for
/// both. Both run in this process (DuckDB.NET, as the CLI runs it); the CLI is timed end to end once per report.
/// </summary>
internal static class ReportsBench
{
    public static async Task<ReportsResult> RunAsync(
        PreparedInput input, BenchOptions options, IReadOnlyList<string> flowlogs, ProcessRunner runner,
        string work, string logDirectory, string duckDbTemp)
    {
        Console.WriteLine();
        Console.WriteLine($"reports: {input.Reference.Rows:N0} rows over {input.Spec.Days} days, {input.Input.Files.Count:N0} .gz files, {input.Input.TotalBytes / 1e6:N0} MB");
        LoadedWarehouse warehouse;
        try
        {
            warehouse = await ReportsWarehouse.PrepareAsync(input, options.Seed, options.ReportsPartition, flowlogs, runner, work, logDirectory, duckDbTemp);
        }
        catch (BenchException e)
        {
            Console.WriteLine($"  FAILED: {e.Message}");
            return new ReportsResult(input, null, null, [], [], Libc.SelfPeakRssBytes(), e.Message, null);
        }
        if (warehouse.Totals != input.Reference)
        {
            // Reports over a warehouse that lost or invented rows are meaningless, however fast.
            var mismatch = $"the reports warehouse has {warehouse.Totals}; its input has {input.Reference}";
            Console.WriteLine($"  MISMATCH: {mismatch}");
            return new ReportsResult(input, warehouse, null, [], [], Libc.SelfPeakRssBytes(), null, mismatch);
        }

        var library = options.ReportsDirectory is null ? ReportLibrary.BuiltIn : ReportLibrary.FromDirectory(options.ReportsDirectory);
        var scan = WarehouseScan.Find(warehouse.Directory) ?? throw new BenchException($"{warehouse.Directory} holds no Parquet file.");
        var createView = RawTextView.CreateView(input.Input, scan);
        DuckDbEngine OpenWarehouse() => DuckDbEngine.Open(warehouse.Directory);
        DuckDbEngine OpenRaw() => DuckDbEngine.OpenView(RawTextView.Scan(input.Input, scan), createView);
        var table = NativeTable.CreateView(NativeTable.Prepare(warehouse, scan));
        DuckDbEngine OpenTable() => DuckDbEngine.OpenView(scan, table);

        await using var sampling = OpenWarehouse();
        var days = await WholeDaysAsync(sampling);
        var window = TimeWindowText.Of(days);
        var arguments = new ReportArguments(sampling, days);
        var cli = new ReportCli(flowlogs, runner, logDirectory, Path.Combine(work, "out", "reports-cli"));
        Console.WriteLine(
            $"  {library.Latest.Count} report(s) over {window}; {options.Repeat} warehouse run(s) after one warm-up, " +
            $"{options.RawRepeat} raw-text run(s), alternating; then the CLI once");
        PageCache.Warm(input.Input.Files);

        var results = new List<ReportResult>();
        foreach (var report in library.Latest)
        {
            var result = new ReportResult(report);
            results.Add(result);
            try
            {
                result.Arguments = await arguments.ForAsync(report, CancellationToken.None);
            }
            catch (BenchException e)
            {
                result.NotRun = e.Message;
                Console.WriteLine($"  {report.Id,-28} not run: {e.Message}");
                continue;
            }
            await MeasureAsync(result, new Sides(OpenWarehouse, OpenRaw, OpenTable), window, options);
            if (result.Failure is null)
                result.Cli = await cli.RunAsync(report, result.Arguments, warehouse.Directory, window);
            Console.WriteLine("  " + ProgressLine(result));
        }
        return new ReportsResult(input, warehouse, window, arguments.Picked, results, Libc.SelfPeakRssBytes(), null, null);
    }

    /// <summary>The engines a report runs on: the warehouse, the raw text, and the DuckDB table of the floor.</summary>
    private sealed record Sides(Func<DuckDbEngine> Warehouse, Func<DuckDbEngine> Raw, Func<DuckDbEngine> Table);

    private enum Side { Warehouse, Raw, Table }

    /// <summary>
    /// One warm-up on the warehouse (its time kept as "first"), then rounds alternating which side goes first, so
    /// drift falls on both alike; the DuckDB table runs after them in each round. Every run is compared with the
    /// warm-up's rows.
    /// </summary>
    private static async Task MeasureAsync(ReportResult result, Sides sides, TimeWindowText window, BenchOptions options)
    {
        var side = "warehouse";
        try
        {
            using var timeout = new CancellationTokenSource(options.Timeout);
            var reference = await ReportExecution.RunAsync(sides.Warehouse, result.Report, result.Arguments, window, timeout.Token);
            result.FirstWarehouseSeconds = reference.Seconds;
            result.Rows = reference.Rows.Count;
            result.Agreement = Agreement.Identical;
            for (var round = 1; round <= Math.Max(options.Repeat, options.RawRepeat); round++)
            {
                var rawFirst = round % 2 == 0;
                foreach (var next in rawFirst ? new[] { Side.Raw, Side.Warehouse, Side.Table } : [Side.Warehouse, Side.Raw, Side.Table])
                {
                    if (round > (next == Side.Raw ? options.RawRepeat : options.Repeat))
                        continue;
                    side = next switch { Side.Raw => "raw text", Side.Table => "DuckDB table", _ => "warehouse" };
                    var open = next switch { Side.Raw => sides.Raw, Side.Table => sides.Table, _ => sides.Warehouse };
                    var run = await ReportExecution.RunAsync(open, result.Report, result.Arguments, window, timeout.Token);
                    (next switch { Side.Raw => result.RawRuns, Side.Table => result.TableRuns, _ => result.WarehouseRuns }).Add(run.Phases);
                    Check(result, reference, run, side);
                }
            }
        }
        catch (Exception e) when (e is QueryException or ReportException or OperationCanceledException)
        {
            result.Failure = e is OperationCanceledException
                ? $"{side}: ran past {options.Timeout.TotalMinutes:F0} minutes"
                : $"{side}: {OneLine(e.Message)}";
        }
    }

    private static void Check(ReportResult result, ReportRun reference, ReportRun run, string side)
    {
        // The runner must have written the same statement for both engines: otherwise the ratio compares two queries.
        if (run.Request.Sql != reference.Request.Sql || !run.Request.Parameters.SequenceEqual(reference.Request.Parameters))
            throw new BenchException($"{result.Report.Id}: the {side} engine was given other SQL or parameters than the warehouse; the bench is comparing two queries");
        var agreement = ResultComparison.Compare(reference, run, out var difference);
        if (agreement <= result.Agreement)
            return;
        result.Agreement = agreement;
        if (difference is not null)
            result.Difference = $"{side}: {difference}";
    }

    /// <summary>The whole loaded data as whole UTC days: --from its first day, --to the day after its last.</summary>
    private static async Task<TimeWindow> WholeDaysAsync(IQueryEngine warehouse)
    {
        await using var result = await warehouse.ExecuteAsync(new QueryRequest("SELECT min(\"start\"), max(\"start\") FROM flow_logs"), CancellationToken.None);
        object?[]? row = null;
        await foreach (var r in result.ReadRowsAsync(CancellationToken.None))
            row = r;
        if (row is not [long first, long last])
            throw new BenchException("the reports warehouse has no rows with a start time");
        var from = DateTimeOffset.FromUnixTimeSeconds(first).UtcDateTime.Date;
        var to = DateTimeOffset.FromUnixTimeSeconds(last).UtcDateTime.Date.AddDays(1);
        return new TimeWindow(new DateTimeOffset(from, TimeSpan.Zero), new DateTimeOffset(to, TimeSpan.Zero));
    }

    private static string ProgressLine(ReportResult r)
    {
        if (r.Failure is not null)
            return $"{r.Report.Id,-28} FAILED: {r.Failure}";
        var cli = r.Cli switch
        {
            { NotRun: { } why } => $"CLI n/a ({why})",
            { Failed: true } c => $"CLI FAILED (exit {c.Measure!.ExitCode}; see {c.Log})",
            { Measure: { } m } => $"CLI {m.ElapsedSeconds:F2} s",
            _ => "",
        };
        return Invariant($"{r.Report.Id,-28} warehouse {r.WarehouseMedian,6:F3} s (first {r.FirstWarehouseSeconds:F3}), table {r.TableMedian,6:F3} s, raw {r.RawMedian,7:F2} s, ") +
            Invariant($"{r.Ratio,6:F1}×, {r.Rows:N0} rows, {cli}") +
            (r.Mismatch ? $"  MISMATCH: {r.Difference}" : "");
    }

    // DuckDB's messages quote the failing SQL over several lines; a table cell and a progress line need one.
    private static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
