using System.Globalization;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Generator;
using FlowLogWarehouse.Loader.Pipeline;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Loader.Tests;

/// <summary>
/// <c>--partition day</c>: AWS's per-day Hive layout. The same rows as per hour, each in the folder of its start's UTC
/// day; a warehouse keeps the layout it was started with.
/// </summary>
public sealed class DailyPartitionTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string AllColumns = "version, account_id, interface_id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, \"start\", \"end\", " +
                                      "action, log_status, vpc_id, subnet_id, instance_id, tcp_flags, type, pkt_srcaddr, pkt_dstaddr, region, az_id, " +
                                      "sublocation_type, sublocation_id, pkt_src_aws_service, pkt_dst_aws_service, flow_direction, traffic_path";

    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    private string HourlyWarehouse => Path.Combine(_s.Root, "hourly");

    [Fact]
    public async Task LoadPerDay_SameRowsAsPerHour_EachInItsStartsUtcDay()
    {
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = _s.Inputs, Days = 2, RowsPerDay = 8_000, Format = "v5", Gzip = true, Seed = 11 });

        var daily = await _s.LoadAsync(o => o with { Partition = PartitionGranularity.Day });
        var hourly = await _s.LoadAsync(o => o with { Warehouse = HourlyWarehouse });

        Scratch.AssertAccounted(daily);
        Assert.Equal(hourly.Rows, daily.Rows);
        var folders = _s.DataFiles().Select(f => Path.GetFileName(Path.GetDirectoryName(f)!)).Distinct().ToList();
        Assert.All(folders, f => Assert.Matches("^day=[0-9]{2}$", f));
        Assert.DoesNotContain(_s.DataFiles(), f => f.Contains("hour=", StringComparison.Ordinal));
        Assert.All(daily.Files, f => Assert.Equal(PartitionGranularity.Day, PartitionGranularities.OfPath(f.Path)));

        var perDay = Rows(_s.Warehouse);
        var perHour = Rows(HourlyWarehouse);
        Assert.Equal(perHour.Count, perDay.Count);
        Assert.Equal(perHour, perDay);
        var misplaced = _s.Query(
            "SELECT count(*) FROM flow_logs WHERE CAST(year AS BIGINT) <> year(make_timestamp(\"start\" * 1000000)) " +
            "OR CAST(month AS BIGINT) <> month(make_timestamp(\"start\" * 1000000)) OR CAST(day AS BIGINT) <> day(make_timestamp(\"start\" * 1000000))").Single();
        Assert.Equal(0L, DuckDbQuery.ToLong(misplaced[0]));
    }

    [Fact]
    public async Task LaterLoads_KeepTheWarehousesLayout_AndRefuseTheOther()
    {
        _s.Write("a.log", Lines("eni-a", 40, hour: 1));
        await _s.LoadAsync(o => o with { Partition = PartitionGranularity.Day });
        _s.Write("b.log", Lines("eni-b", 30, hour: 7));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _s.LoadAsync(o => o with { Partition = PartitionGranularity.Hour }));
        Assert.Contains("partitioned per day", refused.Message);
        Assert.Equal(40, _s.Count());

        var later = await _s.LoadAsync();
        Assert.Equal(30, later.Rows);
        Assert.Equal(70, _s.Count());
        Assert.DoesNotContain(_s.DataFiles(), f => f.Contains("hour=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PerHourWarehouse_RefusesPerDay()
    {
        _s.Write("a.log", Lines("eni-a", 10, hour: 2));
        await _s.LoadAsync();
        _s.Write("b.log", Lines("eni-b", 10, hour: 3));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _s.LoadAsync(o => o with { Partition = PartitionGranularity.Day }));
        Assert.Contains("partitioned per hour", refused.Message);
        Assert.All(_s.DataFiles(), f => Assert.Contains("hour=", f));
    }

    [Theory]
    [InlineData(-1, -24)]
    [InlineData(0, 0)]
    [InlineData(23, 0)]
    [InlineData(24, 24)]
    [InlineData(47, 24)]
    public void PartitionStart_IsTheDaysMidnight(long hour, long expected)
    {
        Assert.Equal(expected, PartitionGranularity.Day.PartitionStart(hour));
        Assert.Equal(hour, PartitionGranularity.Hour.PartitionStart(hour));
    }

    [Fact]
    public void WideRows_GetFewerRowsPerRowGroup_SoTheBudgetHoldsOnePerWriterAndTwoMore()
    {
        var options = new LoadOptions { Inputs = ["-"], Warehouse = "." };
        var narrow = new RowBlockPool(numericSlots: 8, stringSlots: 6);
        var wide = new RowBlockPool(numericSlots: 11, stringSlots: 18);

        Assert.Equal(options.RowGroupRows, BatchPipeline.RowGroupRows(options, narrow));
        var rows = BatchPipeline.RowGroupRows(options, wide);
        Assert.InRange(rows, RowBlockPool.BlockRows, options.RowGroupRows - 1);
        Assert.True(rows * (wide.BlockBytes / RowBlockPool.BlockRows) * (options.WriterThreads + 2) <= options.BufferBudgetBytes);
        Assert.Equal(200, BatchPipeline.RowGroupRows(options with { RowGroupRows = 200 }, wide));
    }

    [Fact]
    public async Task WideRowsPerDay_MakeFewLargeRowGroups()
    {
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = _s.Inputs, Days = 1, RowsPerDay = 60_000, Format = "v5", Seed = 4 });

        await _s.LoadAsync(o => o with { Partition = PartitionGranularity.Day, BufferBudgetBytes = 8 << 20 });

        // 8 MB over four row groups' worth of v5 rows: about 5,000 rows each, not a group per source file (~200 rows).
        var sizes = DuckDbQuery.Rows(
                "SELECT DISTINCT file_name, row_group_id, row_group_num_rows FROM parquet_metadata($1)", DuckDbQuery.DataGlob(_s.Warehouse))
            .Select(g => DuckDbQuery.ToLong(g[2])).ToList();
        Assert.Equal(_s.Count(), sizes.Sum());
        Assert.True(sizes.Where(s => s >= 4_000).Sum() >= 0.8 * sizes.Sum(), string.Join(", ", sizes));
    }

    private static List<string> Rows(string warehouse) =>
        DuckDbQuery.Rows($"SELECT {AllColumns} FROM read_parquet($1, hive_partitioning = true, union_by_name = true)", DuckDbQuery.DataGlob(warehouse))
            .Select(r => string.Join('|', r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal).ToList();

    private static string Lines(string eni, int count, int hour) =>
        Header + "\n" + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"2 123456789010 {eni} 10.0.0.{i % 250} 10.0.1.1 {1024 + i} 443 6 1 {100 + i} {1418515200 + hour * 3600 + i} {1418515260 + hour * 3600 + i} ACCEPT OK\n"));
}
