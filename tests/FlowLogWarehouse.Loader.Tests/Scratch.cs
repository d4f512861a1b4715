using System.IO.Compression;
using System.Text;
using System.Text.Json;
using FlowLogWarehouse.TestSupport;
using Serilog;

namespace FlowLogWarehouse.Loader.Tests;

/// <summary>A throwaway folder with an input area and a warehouse, and in-process loads into it.</summary>
public sealed class Scratch : IDisposable
{
    private readonly TempDirectory _directory = new("loader");

    public Scratch() => Directory.CreateDirectory(Inputs);

    public string Root => _directory.Path;

    public string Inputs => Path.Combine(Root, "in");

    public string Warehouse => Path.Combine(Root, "wh");

    public string Write(string relative, string text, bool gzip = false) => WriteBytes(relative, Encoding.UTF8.GetBytes(text), gzip);

    public string WriteBytes(string relative, byte[] bytes, bool gzip = false)
    {
        var path = Path.Combine(Inputs, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }
        return path;
    }

    public Task<LoadSummary> LoadAsync(Func<LoadOptions, LoadOptions>? configure = null, params string[] inputs)
    {
        var options = new LoadOptions { Inputs = inputs.Length > 0 ? inputs : [Inputs], Warehouse = Warehouse };
        return WarehouseLoader.LoadAsync(configure is null ? options : configure(options), Serilog.Core.Logger.None);
    }

    public long Count(string where = "true") =>
        DuckDbQuery.Long($"SELECT count(*) FROM read_parquet($1, hive_partitioning = true, union_by_name = true) WHERE {where}", DuckDbQuery.DataGlob(Warehouse));

    public List<object?[]> Query(string selectFromFlowLogs) =>
        DuckDbQuery.Rows(selectFromFlowLogs.Replace("flow_logs", "read_parquet($1, hive_partitioning = true, union_by_name = true)"), DuckDbQuery.DataGlob(Warehouse));

    public string[] DataFiles() => Directory.Exists(Path.Combine(Warehouse, "AWSLogs"))
        ? Directory.GetFiles(Path.Combine(Warehouse, "AWSLogs"), "*.parquet", SearchOption.AllDirectories).Order().ToArray()
        : [];

    /// <summary>The quarantine entries of a load, in line order.</summary>
    public List<JsonElement> QuarantineEntries(LoadSummary summary) =>
        File.ReadAllLines(Path.Combine(Warehouse, summary.Quarantine!))
            .Select(l => JsonDocument.Parse(l).RootElement).OrderBy(e => e.GetProperty("line").GetInt64()).ToList();

    public static void AssertAccounted(LoadSummary summary)
    {
        foreach (var s in summary.Sources)
            Assert.True(s.LinesRead == s.Rows + s.Quarantined + s.Skipped, $"{s.Source}: {s.LinesRead} read != {s.Rows} rows + {s.Quarantined} quarantined + {s.Skipped} skipped");
        Assert.Equal(summary.LinesRead, summary.Rows + summary.Quarantined + summary.Skipped);
    }

    public void Dispose() => _directory.Dispose();
}
