using System.Diagnostics;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>
/// <c>duckdb-copy --input DIR --out DIR [--temp-dir DIR]</c>: DuckDB's own COPY of the input to partitioned
/// Parquet. Run as a child of the measurer so DuckDB's memory is measured apart from the bench's.
/// </summary>
internal static class DuckDbCopyCommand
{
    public const string Name = "duckdb-copy";

    public static int Run(string[] args)
    {
        var options = ArgReader.Parse(args, flagNames: []);
        var inputDirectory = options.Required("input");
        var outputDirectory = Path.GetFullPath(options.Required("out"));
        var tempDirectory = Path.GetFullPath(options.String("temp-dir", outputDirectory + ".duckdb-tmp"));
        options.RejectUnknown(Name);

        if (Directory.Exists(outputDirectory) && Directory.EnumerateFileSystemEntries(outputDirectory).Any())
            throw new BenchException($"duckdb-copy: output directory '{outputDirectory}' is not empty.");
        var input = FlowLogInput.Scan(inputDirectory);
        var sql = DuckDbSql.Copy(input, outputDirectory);
        Console.WriteLine(sql);

        var stopwatch = Stopwatch.StartNew();
        using var duckDb = new DuckDb(tempDirectory);
        var rows = duckDb.Execute(sql);
        Console.WriteLine($"duckdb-copy: {rows:N0} rows from {input.Files.Count:N0} files in {stopwatch.Elapsed.TotalSeconds:F2} s ({duckDb.Version()})");
        return 0;
    }
}
