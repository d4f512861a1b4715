namespace FlowLogWarehouse.Query.Tests;

/// <summary>The flow_logs view: what it reads, from which layouts, with what types.</summary>
public sealed class DuckDbEngineTests : IDisposable
{
    private readonly EngineWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public async Task BatchesOfDifferentFormats_AreReadByName_MissingColumnsNull()
    {
        await _w.LoadAsync(EngineWarehouse.V2Header, EngineWarehouse.V2("10.0.0.1", 100));
        await _w.LoadAsync(EngineWarehouse.V5Header, EngineWarehouse.V5("10.0.0.5", 500));
        await using var engine = _w.Open();

        var rows = await EngineWarehouse.RowsAsync(engine, "SELECT srcaddr, bytes, vpc_id, traffic_path FROM flow_logs ORDER BY bytes");

        Assert.Equal(["10.0.0.1", 100L, null, null], rows[0]);
        Assert.Equal(["10.0.0.5", 500L, "vpc-0a1b2c3d", 2L], rows[1]);
        var table = await engine.DescribeAsync(CancellationToken.None);
        Assert.True(table.HasColumn("pkt_srcaddr"));
        Assert.Equal(ValueKind.String, table.Columns["aws-account-id"]);
        Assert.Equal(ValueKind.Integer, table.Columns["hour"]);
        Assert.Equal(["aws-account-id", "aws-service", "aws-region", "year", "month", "day", "hour"], table.PartitionKeys);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), table.LatestHour);
    }

    [Fact]
    public async Task AccountIds_KeepLeadingZeros_InColumnAndPartition()
    {
        await _w.LoadAsync(EngineWarehouse.V2Header, EngineWarehouse.V2("10.0.0.1", 1).Replace("123456789012", "000123456789"));
        await using var engine = _w.Open();

        var rows = await EngineWarehouse.RowsAsync(engine, "SELECT account_id, \"aws-account-id\" FROM flow_logs");

        Assert.Equal(["000123456789", "000123456789"], rows.Single());
    }

    [Fact]
    public async Task FilesNoManifestCommits_AreNotRead()
    {
        await _w.LoadAsync(EngineWarehouse.V2Header, EngineWarehouse.V2("10.0.0.1", 100));
        // What a load killed between renaming its files and writing its manifest leaves behind.
        var file = Directory.GetFiles(Path.Combine(_w.Path, "AWSLogs"), "*.parquet", SearchOption.AllDirectories).Single();
        File.Copy(file, Path.Combine(Path.GetDirectoryName(file)!, "uncommitted-00001.parquet"));
        await using var engine = _w.Open();

        var rows = await EngineWarehouse.RowsAsync(engine, "SELECT count(*) FROM flow_logs");

        Assert.Equal(1L, rows.Single()[0]);
    }

    [Fact]
    public async Task AwsOwnDailyParquetDelivery_WithoutManifest_IsReadByGlob()
    {
        await _w.LoadAsync(EngineWarehouse.V5Header, EngineWarehouse.V5("10.0.0.5", 500), EngineWarehouse.V5("10.0.0.6", 600, EngineWarehouse.Start + 7200));
        // AWS's Hive-compatible delivery, daily: .../year=/month=/day=/<file>.log.parquet, and no _flowlogs.
        var delivery = Path.Combine(_w.Root, "delivery");
        foreach (var file in Directory.GetFiles(Path.Combine(_w.Path, "AWSLogs"), "*.parquet", SearchOption.AllDirectories))
        {
            var day = Path.GetDirectoryName(Path.GetDirectoryName(file))!;
            var target = Path.Combine(delivery, Path.GetRelativePath(_w.Path, day), $"123456789012_vpcflowlogs_{Guid.NewGuid():N}.log.parquet");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        await using var engine = Query.DuckDb.DuckDbEngine.Open(delivery);

        var table = await engine.DescribeAsync(CancellationToken.None);
        var window = new TimeWindow(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero));
        var predicate = engine.WindowPredicate(table, window);
        var rows = await EngineWarehouse.RowsAsync(engine, $"SELECT sum(bytes) FROM flow_logs WHERE {predicate.Sql}", [.. predicate.Parameters]);

        Assert.DoesNotContain("hour", table.PartitionKeys);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 23, 0, 0, TimeSpan.Zero), table.LatestHour);
        Assert.Equal(1100L, rows.Single()[0]);
    }

    [Fact]
    public async Task WindowPredicate_AlsoWorksWhereNoPartitionPruningConsumesIt()
    {
        // A plain view: DuckDB 1.5.6 failed on a row comparison (year, month, day, hour) >= (...) here.
        var scan = new Query.DuckDb.WarehouseScan("/nonexistent", ["year", "month", "day", "hour"], new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));
        await using var engine = Query.DuckDb.DuckDbEngine.OpenView(scan,
            "CREATE VIEW flow_logs AS SELECT y AS year, m AS month, d AS day, h AS hour, s AS \"start\" FROM (VALUES " +
            "(2026, 12, 31, 23, 1798757999), (2027, 1, 1, 0, 1798761600), (2027, 1, 1, 1, 1798765200), (2027, 1, 1, 2, 1798768800)) v(y, m, d, h, s)");
        var window = new TimeWindow(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 2, 0, 0, TimeSpan.Zero));
        var predicate = engine.WindowPredicate(await engine.DescribeAsync(CancellationToken.None), window);

        var rows = await EngineWarehouse.RowsAsync(engine, $"SELECT hour FROM flow_logs WHERE {predicate.Sql} ORDER BY 1", [.. predicate.Parameters]);

        Assert.Equal([0L, 1L], rows.Select(r => r[0]));
    }

    [Fact]
    public void EmptyOrMissingWarehouse_IsAClearError()
    {
        Assert.Contains("does not exist", Assert.Throws<QueryException>(() => Query.DuckDb.DuckDbEngine.Open(_w.Path)).Message);
        Directory.CreateDirectory(_w.Path);
        Assert.Contains("holds no flow logs", Assert.Throws<QueryException>(() => Query.DuckDb.DuckDbEngine.Open(_w.Path)).Message);
    }

    [Fact]
    public async Task TrinoFunctions_BehaveAsInTrino()
    {
        await _w.LoadAsync(EngineWarehouse.V2Header, EngineWarehouse.V2("10.0.0.1", 100), EngineWarehouse.V2("10.0.0.2", 200));
        await using var engine = _w.Open();

        var row = (await EngineWarehouse.RowsAsync(engine,
            "SELECT from_unixtime(min(\"start\")), approx_distinct(srcaddr), regexp_like(min(srcaddr), '^10\\.'), bitwise_and(18, 2), sum(bytes), to_unixtime(from_unixtime(1793613600)) FROM flow_logs")).Single();

        Assert.Equal(new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc), row[0]);
        Assert.Equal(2L, row[1]);
        Assert.Equal(true, row[2]);
        Assert.Equal(2L, row[3]);
        Assert.Equal(300L, row[4]);
        Assert.Equal(1793613600.0, row[5]);
    }

    [Fact]
    public async Task Parameters_AreBoundByName_AndAMissingOneIsAnError()
    {
        await _w.LoadAsync(EngineWarehouse.V2Header, EngineWarehouse.V2("10.0.0.1", 100), EngineWarehouse.V2("10.0.0.2", 200));
        await using var engine = _w.Open();

        var rows = await EngineWarehouse.RowsAsync(engine, "SELECT bytes FROM flow_logs WHERE srcaddr = :src OR srcaddr = :src", new QueryParameter("src", "10.0.0.2"));
        var error = await Assert.ThrowsAsync<QueryException>(() => EngineWarehouse.RowsAsync(engine, "SELECT :nope"));

        Assert.Equal([200L], rows.Select(r => r[0]));
        Assert.Contains(":nope", error.Message);
    }

    [Fact]
    public async Task Cancellation_StopsARunningQuery()
    {
        await _w.LoadAsync(EngineWarehouse.V2Header, EngineWarehouse.V2("10.0.0.1", 100));
        await using var engine = _w.Open();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var result = await engine.ExecuteAsync(new QueryRequest("SELECT count(*) FROM range(1000000000000) a"), cancel.Token);
            await foreach (var _ in result.ReadRowsAsync(cancel.Token))
            {
            }
        });
    }
}
