using System.Diagnostics;
using System.Text.Json;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>A generated input set ready to run: its files, and the row count and sum(bytes) DuckDB reads from them.</summary>
internal sealed record PreparedInput(InputSetSpec Spec, FlowLogInput Input, Totals Reference);

/// <summary>
/// Generated inputs under <c>&lt;work&gt;/inputs/&lt;set&gt;/</c>, each with a marker file beside it
/// (<c>&lt;set&gt;.json</c>: the generate parameters and the reference totals). A set is generated again only
/// when its marker is missing or names other parameters.
/// </summary>
internal sealed class InputStore(string workDirectory, IReadOnlyList<string> flowlogs, int seed, bool regenerate, ProcessRunner runner, string logDirectory)
{
    private readonly string _root = Path.Combine(workDirectory, "inputs");

    public string DirectoryOf(InputSetSpec spec) => Path.Combine(_root, spec.InputName);

    public bool IsReady(InputSetSpec spec) => !regenerate && ReadMarker(spec) is { } marker && marker.Matches(spec, seed);

    public async Task<PreparedInput> PrepareAsync(InputSetSpec spec)
    {
        var directory = DirectoryOf(spec);
        var label = spec.InputName == spec.Name ? spec.Name : $"{spec.Name} (the {spec.InputName} input)";
        if (IsReady(spec))
        {
            var marker = ReadMarker(spec)!;
            Console.WriteLine($"  {label}: present ({marker.Files:N0} files, {marker.TotalBytes / 1e6:N0} MB, {marker.Reference.Rows:N0} rows)");
            return new PreparedInput(spec, FlowLogInput.Scan(directory), marker.Reference);
        }

        var partial = directory + ".partial";
        Directory.CreateDirectory(_root);
        File.Delete(MarkerPath(spec));
        DeleteDirectory(directory);
        DeleteDirectory(partial);
        Console.Write($"  {label}: generating {spec.Lines:N0} lines ({spec.Format}{(spec.Gzip ? ", gzip" : "")}, {spec.Days} days) … ");
        var stopwatch = Stopwatch.StartNew();
        List<string> command =
        [
            .. flowlogs, "generate", "--out", partial, "--days", Invariant(spec.Days), "--rows-per-day", Invariant(spec.RowsPerDay),
            "--format", spec.Format, "--seed", Invariant(seed),
        ];
        if (spec.Gzip)
            command.Add("--gzip");
        var log = Path.Combine(logDirectory, $"generate-{spec.InputName}.log");
        var exitCode = await runner.RunLoggedAsync(command, log);
        if (exitCode != 0)
        {
            Console.WriteLine("failed");
            throw new BenchException($"flowlogs generate failed for {spec.Name} (exit code {exitCode}); see {log}:{Environment.NewLine}{ProcessRunner.Tail(log)}");
        }
        Console.Write($"{stopwatch.Elapsed.TotalSeconds:F0} s; counting … ");

        // The reference is read from the raw text once, here, and kept in the marker.
        var input = FlowLogInput.Scan(partial);
        stopwatch.Restart();
        Totals reference;
        using (var duckDb = new DuckDb(Path.Combine(workDirectory, "duckdb-tmp")))
            reference = duckDb.QueryTotals(DuckDbSql.InputTotals(input));
        Console.WriteLine($"{reference.Rows:N0} rows, {input.Files.Count:N0} files, {input.TotalBytes / 1e6:N0} MB ({stopwatch.Elapsed.TotalSeconds:F0} s)");
        if (reference.Rows != spec.Lines)
            Console.WriteLine($"  note: {spec.Name} has {reference.Rows:N0} data lines where {spec.Lines:N0} were asked for; rates use the lines present.");

        Directory.Move(partial, directory);
        var written = new InputMarker(spec.Format, spec.Days, spec.RowsPerDay, spec.Gzip, seed, reference, input.Files.Count, input.TotalBytes);
        File.WriteAllText(MarkerPath(spec), JsonSerializer.Serialize(written, MarkerJson));
        return new PreparedInput(spec, FlowLogInput.Scan(directory), reference);
    }

    private static readonly JsonSerializerOptions MarkerJson = new() { WriteIndented = true };

    private string MarkerPath(InputSetSpec spec) => Path.Combine(_root, spec.InputName + ".json");

    private InputMarker? ReadMarker(InputSetSpec spec)
    {
        var path = MarkerPath(spec);
        if (!File.Exists(path) || !Directory.Exists(DirectoryOf(spec)))
            return null;
        try
        {
            return JsonSerializer.Deserialize<InputMarker>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null; // unreadable: generate again
        }
    }

    public static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
    }

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What a generated set was made with, and what it holds.</summary>
internal sealed record InputMarker(string Format, int Days, long RowsPerDay, bool Gzip, int Seed, Totals Reference, int Files, long TotalBytes)
{
    public bool Matches(InputSetSpec spec, int seed) =>
        Format == spec.Format && Days == spec.Days && RowsPerDay == spec.RowsPerDay && Gzip == spec.Gzip && Seed == seed;
}
