using FlowLogWarehouse.Core.Layout;

namespace FlowLogWarehouse.Query.Tests;

/// <summary>
/// The DuckDB engine over a per-day warehouse: the layout read from the folders, window predicates over year, month
/// and day, and exactly the rows a per-hour warehouse of the same lines gives for a window inside a day.
/// </summary>
public sealed class DailyLayoutTests : IDisposable
{
    private const long Day = 86_400;
    private readonly EngineWarehouse _daily = new() { Partition = PartitionGranularity.Day };
    private readonly EngineWarehouse _hourly = new();

    public void Dispose()
    {
        _daily.Dispose();
        _hourly.Dispose();
    }

    // Three days from 2026-11-01T10:00Z, a flow every 37 minutes, bytes numbering them.
    private static readonly string[] Lines = Enumerable.Range(0, 3 * 24 * 60 / 37)
        .Select(i => EngineWarehouse.V2($"10.0.0.{i % 200 + 1}", i + 1, EngineWarehouse.Start - Day + i * 37 * 60)).ToArray();

    [Fact]
    public async Task Describe_PerDay_HasNoHourKey_AndReachesTheLastDaysEnd()
    {
        await _daily.LoadAsync(EngineWarehouse.V2Header, Lines);
        await using var engine = _daily.Open();

        var table = await engine.DescribeAsync(CancellationToken.None);

        Assert.Equal(["aws-account-id", "aws-service", "aws-region", "year", "month", "day"], table.PartitionKeys);
        Assert.False(table.HasColumn("hour"));
        var last = DateTimeOffset.FromUnixTimeSeconds(EngineWarehouse.Start - Day + (Lines.Length - 1) * 37 * 60);
        Assert.Equal(new DateTimeOffset(last.Year, last.Month, last.Day, 23, 0, 0, TimeSpan.Zero), table.LatestHour);
        var predicate = engine.WindowPredicate(table, new TimeWindow(last.AddHours(-30), last));
        Assert.Contains("day", predicate.Sql);
        Assert.DoesNotContain("hour", predicate.Sql);
    }

    [Theory]
    [InlineData("2026-11-02T05:00:00Z", "2026-11-02T17:00:00Z")]
    [InlineData("2026-11-01T23:30:00Z", "2026-11-03T00:10:00Z")]
    [InlineData("2026-10-01T00:00:00Z", "2026-12-01T00:00:00Z")]
    public async Task Window_PerDay_GivesThePerHourWarehousesRows(string from, string to)
    {
        await _daily.LoadAsync(EngineWarehouse.V2Header, Lines);
        await _hourly.LoadAsync(EngineWarehouse.V2Header, Lines);
        var window = new TimeWindow(DateTimeOffset.Parse(from), DateTimeOffset.Parse(to));

        var perDay = await RowsInAsync(_daily, window);
        var perHour = await RowsInAsync(_hourly, window);

        var expected = Lines.Select((_, i) => EngineWarehouse.Start - Day + i * 37 * 60)
            .Count(s => s >= window.FromSeconds && s < window.ToSeconds);
        Assert.Equal(expected, perDay.Count);
        Assert.Equal(perHour, perDay);
    }

    private static async Task<List<string>> RowsInAsync(EngineWarehouse warehouse, TimeWindow window)
    {
        await using var engine = warehouse.Open();
        var table = await engine.DescribeAsync(CancellationToken.None);
        var predicate = engine.WindowPredicate(table, window);
        var rows = await EngineWarehouse.RowsAsync(engine,
            $"SELECT srcaddr, bytes, \"start\" FROM flow_logs WHERE {predicate.Sql} ORDER BY bytes", [.. predicate.Parameters]);
        return rows.Select(r => string.Join('|', r)).ToList();
    }
}
