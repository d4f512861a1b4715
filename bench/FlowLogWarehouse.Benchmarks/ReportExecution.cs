using System.Diagnostics;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.Query.DuckDb;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>One timed run of a report: its seconds (and their phases), the statement it ran and every row it returned.</summary>
internal sealed record ReportRun(RunPhases Phases, QueryRequest Request, IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public double Seconds => Phases.Total;
}

/// <summary>
/// Where a run's time went: opening the engine (DuckDB instance, macros, the flow_logs view), preparing (DESCRIBE,
/// binding, the window), and executing with every row read. A report whose warehouse time is mostly open or
/// prepare is dominated by fixed costs, not by its query.
/// </summary>
internal readonly record struct RunPhases(double Open, double Prepare, double Execute)
{
    public double Total => Open + Prepare + Execute;
}

/// <summary>
/// Runs a report the way <c>flowlogs report run</c> does, minus process start and output: open a fresh engine,
/// prepare (describe the table, bind, expand the window), execute, read every row. All of it is timed; a fresh
/// engine per run so no run profits from another's caches inside DuckDB (the OS page cache is warm for both sides).
/// </summary>
internal static class ReportExecution
{
    public static async Task<ReportRun> RunAsync(
        Func<DuckDbEngine> open, ReportDefinition report, IReadOnlyDictionary<string, string> arguments, TimeWindowText window,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var engine = open();
        var opened = stopwatch.Elapsed.TotalSeconds;
        var runner = new ReportRunner(engine);
        var prepared = await runner.PrepareAsync(report, arguments, window.From, window.To, cancellationToken);
        var ready = stopwatch.Elapsed.TotalSeconds;
        await using var result = await runner.ExecuteAsync(prepared, cancellationToken);
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(cancellationToken))
            rows.Add(row);
        // Stopped before the engine's disposal, which only removes its temporary directory.
        var done = stopwatch.Elapsed.TotalSeconds;
        return new ReportRun(new RunPhases(opened, ready - opened, done - ready), prepared.Request, result.Columns, rows);
    }
}

/// <summary>The window as the CLI's <c>--from</c>/<c>--to</c> take it, so the in-process runs and the CLI parse the same text.</summary>
internal sealed record TimeWindowText(string From, string To)
{
    public static TimeWindowText Of(TimeWindow window) => new(Format(window.From), Format(window.To));

    // Whole days print as dates, the way a user would type a month.
    private static string Format(DateTimeOffset time) =>
        time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"--from {From} --to {To}";
}
