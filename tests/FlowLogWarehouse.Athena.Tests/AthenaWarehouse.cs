using FlowLogWarehouse.Loader;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.Query.DuckDb;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests;

/// <summary>A small warehouse loaded by the real loader, for the fake Athena to query and DuckDB to check against.</summary>
public sealed class AthenaWarehouse : IAsyncLifetime
{
    /// <summary>2026-11-20T05:00:00Z</summary>
    public const long Start = 1795150800;

    private readonly TempDirectory _directory = new("athena");

    public string Path => _directory.Combine("wh");

    public static IReadOnlyList<string> Lines { get; } =
    [
        Line("10.0.0.1", "10.0.1.9", 443, 6, 1200, Start, "ACCEPT"),
        Line("10.0.0.1", "10.0.1.9", 443, 6, 999, Start + 60, "ACCEPT"),
        Line("203.0.113.7", "10.0.1.9", 22, 6, 60, Start + 120, "REJECT"),
        Line("203.0.113.7", "10.0.1.9", 3389, 6, 60, Start + 180, "REJECT"),
        Line("10.0.0.2", "8.8.8.8", 53, 17, 75, Start + 3600, "ACCEPT"),
        Line("10.0.0.3", "10.0.1.9", 22, 6, 4242, Start + 7200, "ACCEPT"),
        $"2 123456789012 eni-0a1b2c3d4e5f60001 - - - - - - - {Start + 240} {Start + 300} - NODATA",
    ];

    private static string Line(string src, string dst, int dstPort, int protocol, long bytes, long start, string action) =>
        $"2 123456789012 eni-0a1b2c3d4e5f60001 {src} {dst} 40000 {dstPort} {protocol} 3 {bytes} {start} {start + 60} {action} OK";

    public async Task InitializeAsync()
    {
        var input = _directory.Combine("flows.log");
        await File.WriteAllLinesAsync(input, Lines);
        var summary = await WarehouseLoader.LoadAsync(new LoadOptions { Inputs = [input], Warehouse = Path }, Serilog.Core.Logger.None);
        Assert.Equal(Lines.Count, summary.Rows);
    }

    /// <summary>What DuckDB itself answers, as the query contract's typed rows.</summary>
    public async Task<(IReadOnlyList<ResultColumn> Columns, List<object?[]> Rows)> DuckDbAsync(string sql)
    {
        await using var engine = DuckDbEngine.Open(Path);
        await using var result = await engine.ExecuteAsync(new QueryRequest(sql), CancellationToken.None);
        var rows = await result.ReadAllAsync();
        return (result.Columns, rows);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
