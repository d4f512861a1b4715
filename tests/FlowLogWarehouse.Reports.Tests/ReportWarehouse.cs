using FlowLogWarehouse.Loader;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.Query.DuckDb;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Reports.Tests;

/// <summary>
/// A warehouse loaded (by the real loader) from flows a test constructs, and reports run on it through the real
/// DuckDB engine and report runner.
/// </summary>
public sealed class ReportWarehouse : IAsyncDisposable
{
    private readonly TempDirectory _directory = new("reports");

    private ReportWarehouse()
    {
    }

    public string Root => _directory.Path;

    public string Path => System.IO.Path.Combine(Root, "wh");

    public static Task<ReportWarehouse> LoadAsync(params Flow[] flows) => LoadAsync(Flow.Format, flows.Select(f => f.Line()));

    /// <summary>Loads <paramref name="lines"/> written under a header of <paramref name="format"/>.</summary>
    public static async Task<ReportWarehouse> LoadAsync(IReadOnlyList<string> format, IEnumerable<string> lines)
    {
        var warehouse = new ReportWarehouse();
        var input = System.IO.Path.Combine(warehouse.Root, "flows.log");
        await File.WriteAllLinesAsync(input, lines.Prepend(string.Join(' ', format)));
        var summary = await WarehouseLoader.LoadAsync(new LoadOptions { Inputs = [input], Warehouse = warehouse.Path }, Serilog.Core.Logger.None);
        Assert.Equal(0, summary.Quarantined);
        return warehouse;
    }

    public async Task<ReportRows> RunAsync(string report, object? parameters = null, string? from = null, string? to = null)
    {
        var arguments = parameters?.GetType().GetProperties()
            .ToDictionary(p => p.Name, p => Convert.ToString(p.GetValue(parameters), System.Globalization.CultureInfo.InvariantCulture)!)
            ?? [];
        await using var engine = DuckDbEngine.Open(Path);
        var runner = new ReportRunner(engine);
        var prepared = await runner.PrepareAsync(ReportLibrary.BuiltIn.Resolve(report), arguments, from, to, CancellationToken.None);
        await using var result = await runner.ExecuteAsync(prepared, CancellationToken.None);
        var rows = await result.ReadAllAsync();
        return new ReportRows(result.Columns, rows);
    }

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A report's result, with its values reachable by column name.</summary>
public sealed record ReportRows(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public int Count => Rows.Count;

    public object? this[int row, string column] => Rows[row][Index(column)];

    public IEnumerable<object?> Column(string column) => Rows.Select(r => r[Index(column)]);

    public int Index(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == column)
                return i;
        throw new KeyNotFoundException($"no column '{column}' in {string.Join(", ", Columns.Select(c => c.Name))}");
    }
}
