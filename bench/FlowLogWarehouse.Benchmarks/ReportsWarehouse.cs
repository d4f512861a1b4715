using System.Diagnostics;
using System.Text.Json;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>The reports set loaded into a warehouse: where it is, and what its Parquet files hold.</summary>
internal sealed record LoadedWarehouse(string Directory, Totals Totals, long ParquetBytes, int ParquetFiles, double? LoadSeconds, string Partition);

/// <summary>
/// Loads the reports set once into <c>&lt;work&gt;/reports-warehouse</c> with <c>flowlogs load --partition P</c>. A
/// marker beside it (<c>reports-warehouse.json</c>) names the input it was loaded from (generate parameters, seed,
/// totals), the layout and the loader that wrote it (<c>flowlogs --version</c>, which carries the commit); while it
/// matches, the warehouse is reused as is. A warehouse written by an older loader is loaded again: the reports' speed
/// depends on how the files were written. Its count(*) and sum(bytes) are checked against the input's every
/// time: reports over a warehouse that lost rows would be fast and wrong.
/// </summary>
internal static class ReportsWarehouse
{
    private static readonly JsonSerializerOptions MarkerJson = new() { WriteIndented = true };

    public static async Task<LoadedWarehouse> PrepareAsync(
        PreparedInput input, int seed, string partition, IReadOnlyList<string> flowlogs, ProcessRunner runner, string work, string logDirectory, string duckDbTemp)
    {
        var directory = Path.Combine(work, "reports-warehouse");
        var markerPath = directory + ".json";
        var loader = await LoaderVersionAsync(flowlogs, runner, logDirectory);
        var wanted = new WarehouseMarker(input.Spec.Format, input.Spec.Days, input.Spec.RowsPerDay, input.Spec.Gzip, seed, input.Reference, partition, loader);
        double? loadSeconds = null;
        if (ReadMarker(markerPath) == wanted && Directory.Exists(directory))
        {
            Console.WriteLine($"  warehouse {directory}: present, loaded from this input by this loader ({loader})");
        }
        else
        {
            File.Delete(markerPath);
            InputStore.DeleteDirectory(directory);
            Console.Write($"  loading into {directory} … ");
            var log = Path.Combine(logDirectory, "reports-load.log");
            var stopwatch = Stopwatch.StartNew();
            var exitCode = await runner.RunLoggedAsync([.. flowlogs, "load", input.Input.Directory, "--warehouse", directory, "--partition", partition], log);
            if (exitCode != 0)
            {
                Console.WriteLine("failed");
                throw new BenchException($"flowlogs load of the reports set failed (exit code {exitCode}); see {log}:{Environment.NewLine}{ProcessRunner.Tail(log)}");
            }
            loadSeconds = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine($"{loadSeconds:F0} s");
            File.WriteAllText(markerPath, JsonSerializer.Serialize(wanted, MarkerJson));
        }

        Totals totals;
        using (var duckDb = new DuckDb(duckDbTemp))
            totals = duckDb.QueryTotals(DuckDbSql.ParquetTotals(input.Input, Path.Combine(directory, "AWSLogs", "**", "*.parquet")));
        var files = Directory.EnumerateFiles(Path.Combine(directory, "AWSLogs"), "*.parquet", SearchOption.AllDirectories).ToList();
        return new LoadedWarehouse(directory, totals, files.Sum(f => new FileInfo(f).Length), files.Count, loadSeconds, partition);
    }

    private static async Task<string> LoaderVersionAsync(IReadOnlyList<string> flowlogs, ProcessRunner runner, string logDirectory)
    {
        var log = Path.Combine(logDirectory, "flowlogs-version.log");
        var exitCode = await runner.RunLoggedAsync([.. flowlogs, "--version"], log);
        var version = File.ReadLines(log).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Trim();
        if (exitCode != 0 || version is null)
            throw new BenchException($"flowlogs --version failed (exit code {exitCode}); see {log}:{Environment.NewLine}{ProcessRunner.Tail(log)}");
        return version;
    }

    private static WarehouseMarker? ReadMarker(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<WarehouseMarker>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null; // unreadable: load again
        }
    }
}

/// <summary>The input a reports warehouse was loaded from, and the loader (its version and commit) that loaded it.</summary>
internal sealed record WarehouseMarker(string Format, int Days, long RowsPerDay, bool Gzip, int Seed, Totals Reference, string? Partition, string? Loader);
