using FlowLogWarehouse.Loader;
using FlowLogWarehouse.Query.DuckDb;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Query.Tests;

/// <summary>A warehouse loaded by the real loader from flow log text, and the DuckDB engine over it.</summary>
public sealed class EngineWarehouse : IDisposable
{
    public const string V2Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    public const string V5Header = V2Header + " vpc-id subnet-id pkt-srcaddr flow-direction traffic-path";

    /// <summary>2026-11-02T10:00:00Z</summary>
    public const long Start = 1793613600;

    private readonly TempDirectory _directory = new("query");

    public string Root => _directory.Path;

    public string Path => System.IO.Path.Combine(Root, "wh");

    /// <summary>The layout loads ask for; null keeps the loader's default (per hour).</summary>
    public Core.Layout.PartitionGranularity? Partition { get; init; }

    public static string V2(string src, long bytes, long start = Start, string action = "ACCEPT") =>
        $"2 123456789012 eni-0a1b2c3d4e5f60001 {src} 10.0.0.2 40000 443 6 1 {bytes} {start} {start + 60} {action} OK";

    public static string V5(string src, long bytes, long start = Start) =>
        V2(src, bytes, start) + " vpc-0a1b2c3d subnet-0a1b2c3d 198.51.100.9 ingress 2";

    /// <summary>Loads one file of <paramref name="lines"/> under <paramref name="header"/> as its own batch.</summary>
    public async Task LoadAsync(string header, params string[] lines)
    {
        var input = System.IO.Path.Combine(Root, $"in-{Guid.NewGuid():N}.log");
        await File.WriteAllLinesAsync(input, lines.Prepend(header));
        var summary = await WarehouseLoader.LoadAsync(new LoadOptions { Inputs = [input], Warehouse = Path, Partition = Partition }, Serilog.Core.Logger.None);
        Assert.Equal(lines.Length, summary.Rows);
    }

    public DuckDbEngine Open() => DuckDbEngine.Open(Path);

    public static async Task<List<object?[]>> RowsAsync(IQueryEngine engine, string sql, params QueryParameter[] parameters)
    {
        await using var result = await engine.ExecuteAsync(new QueryRequest(sql, parameters), CancellationToken.None);
        var rows = await result.ReadAllAsync();
        return rows;
    }

    public void Dispose() => _directory.Dispose();
}
