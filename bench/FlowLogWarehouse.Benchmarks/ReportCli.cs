using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>One end-to-end `flowlogs report run`: its measurement, the rows its CSV holds, or why it did not run.</summary>
internal sealed record CliRun(MeasureResult? Measure, long? Rows, string? NotRun, string Log)
{
    public bool Failed => Measure is { ExitCode: not 0 };
}

/// <summary>
/// Times `flowlogs report run NAME --warehouse … --from … --to … --output csv --out FILE` once per report, under a
/// fresh measurer like the loader runs: process start, .NET start-up and writing the CSV included. A CLI without
/// `report run` (an older build) gives "n/a" rather than failing the bench.
/// </summary>
internal sealed class ReportCli(IReadOnlyList<string> flowlogs, ProcessRunner runner, string logDirectory, string outputDirectory)
{
    private bool? _available;

    public async Task<CliRun> RunAsync(
        ReportDefinition report, IReadOnlyDictionary<string, string> arguments, string warehouse, TimeWindowText window)
    {
        var log = Path.Combine(logDirectory, $"report-cli-{report.Name}.log");
        if (!await IsAvailableAsync())
            return new CliRun(null, null, "this flowlogs has no `report run`", log);

        Directory.CreateDirectory(outputDirectory);
        var csv = Path.Combine(outputDirectory, report.Name + ".csv");
        File.Delete(csv);
        List<string> command =
        [
            .. flowlogs, "report", "run", report.Id, "--warehouse", warehouse, "--from", window.From, "--to", window.To,
            "--output", "csv", "--out", csv,
        ];
        foreach (var (name, value) in arguments)
            command.AddRange(["--param", $"{name}={value}"]);
        var measure = await runner.MeasureAsync(command, log);
        // --reports-dir may name reports (or versions) this flowlogs was not built with.
        if (measure.ExitCode != 0 && File.ReadAllText(log) is var text
            && (text.Contains("no report named", StringComparison.Ordinal) || text.Contains("has no version", StringComparison.Ordinal)))
            return new CliRun(null, null, "not in this flowlogs' report library", log);
        return new CliRun(measure, measure.ExitCode == 0 ? CsvRows(csv) : null, null, log);
    }

    /// <summary>
    /// Whether this flowlogs knows `report run`. Asked for the help of a command it lacks, it prints the root help
    /// and exits 0 all the same, so the tell is the usage line: only the command's own help names it.
    /// </summary>
    private async Task<bool> IsAvailableAsync()
    {
        if (_available is null)
        {
            var log = Path.Combine(logDirectory, "report-cli-probe.log");
            var exitCode = await runner.RunLoggedAsync([.. flowlogs, "report", "run", "--help"], log);
            // The log's first line is the command itself.
            _available = exitCode == 0 && File.ReadLines(log).Skip(1).Any(l => l.Contains("flowlogs report run", StringComparison.Ordinal));
        }
        return _available.Value;
    }

    // Data lines after the header; report values hold no line breaks, so lines are rows.
    private static long? CsvRows(string path) => File.Exists(path) ? Math.Max(0, File.ReadLines(path).LongCount() - 1) : null;
}
