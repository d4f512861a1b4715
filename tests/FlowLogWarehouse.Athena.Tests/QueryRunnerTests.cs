using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Athena.Tests;

public sealed class QueryRunnerTests(AthenaWarehouse warehouse) : IClassFixture<AthenaWarehouse>
{
    [Fact]
    public async Task A_select_returns_the_typed_rows_DuckDB_returns()
    {
        const string sql = """
            SELECT srcaddr, dstport, bytes, action = 'ACCEPT' AS accepted,
                   CAST(bytes AS DOUBLE) / 3 AS third, CAST(bytes AS DECIMAL(18, 2)) * 0.25 AS quarter,
                   from_unixtime(start) AS started, CAST(from_unixtime(start) AS DATE) AS day, log_status
            FROM flow_logs
            ORDER BY start, srcaddr, dstport
            """;
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);

        var (result, rows) = await athena.RunAsync(sql);
        var expected = await warehouse.DuckDbAsync(sql);

        Assert.Equal(expected.Columns, result.Columns);
        Assert.Equal(
            [ValueKind.String, ValueKind.Integer, ValueKind.Integer, ValueKind.Boolean, ValueKind.Double, ValueKind.Decimal, ValueKind.Timestamp, ValueKind.Date, ValueKind.String],
            result.Columns.Select(c => c.Kind));
        Assert.Equal(AthenaWarehouse.Lines.Count, rows.Count);
        Assert.Equal(expected.Rows, rows);
        // The NODATA line's empty fields arrive as cells without VarCharValue: nulls, not empty strings.
        Assert.Contains(rows, r => r[0] is null && r[1] is null && (string?)r[8] == "NODATA");
        Assert.Equal(new DateTime(2026, 11, 20, 5, 0, 0, DateTimeKind.Utc), rows[0][6]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)rows[0][6]!).Kind);
    }

    [Fact]
    public async Task Results_beyond_a_page_are_read_page_by_page_each_row_once()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);

        var (result, rows) = await athena.RunAsync("SELECT i FROM range(2500) t(i) ORDER BY i");

        // Row values parse as bigint only because no header row slipped in after the first page's.
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long)i), rows.Select(r => (long)r[0]!));
        var pages = athena.Fake.RequestsFor("GetQueryResults");
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(1000, p.Body.GetProperty("MaxResults").GetInt32()));
        Assert.Null(pages[0].String("NextToken"));
        Assert.NotNull(pages[1].String("NextToken"));
        Assert.NotEqual(pages[1].String("NextToken"), pages[2].String("NextToken"));
        Assert.Equal(2500, result.Statistics.Rows);
    }

    [Fact]
    public async Task A_smaller_server_page_than_asked_for_is_followed_too()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        athena.Fake.PageSize = 7;

        var (_, rows) = await athena.RunAsync("SELECT i FROM range(30) t(i) ORDER BY i");

        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), rows.Select(r => (long)r[0]!));
        Assert.Equal(5, athena.Fake.RequestsFor("GetQueryResults").Count);
    }

    [Fact]
    public async Task A_first_row_equal_to_the_header_is_still_a_row()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);

        var (_, rows) = await athena.RunAsync("SELECT 'x' AS x");

        Assert.Equal("x", Assert.Single(rows)[0]);
    }

    [Fact]
    public async Task An_empty_result_has_its_columns_and_no_rows()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);

        var (result, rows) = await athena.RunAsync("SELECT srcaddr, bytes FROM flow_logs WHERE false");

        Assert.Empty(rows);
        Assert.Equal([new ResultColumn("srcaddr", ValueKind.String), new ResultColumn("bytes", ValueKind.Integer)], result.Columns);
    }

    [Fact]
    public async Task Execution_parameters_arrive_as_sent_and_bind_the_markers()
    {
        const string sql = "SELECT count(*) AS n FROM flow_logs WHERE action = ? AND dstport = ? AND srcaddr <> '?'";
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);

        var (_, rows) = await athena.RunAsync(sql, "'REJECT'", "22");

        var start = Assert.Single(athena.Fake.RequestsFor("StartQueryExecution"));
        Assert.Equal(sql, start.String("QueryString"));
        Assert.Equal(["'REJECT'", "22"], start.Body.GetProperty("ExecutionParameters").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(1L, Assert.Single(rows)[0]);
    }

    [Fact]
    public async Task Start_carries_the_context_the_workgroup_the_output_location_and_a_token()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        var query = new AthenaQuery("SELECT 1 AS one")
        {
            Database = "flowlogs",
            Catalog = "AwsDataCatalog",
            WorkGroup = "reports",
            OutputLocation = "s3://results-bucket/athena/",
        };

        await using var result = await athena.Runner.RunAsync(query, CancellationToken.None);

        var start = Assert.Single(athena.Fake.RequestsFor("StartQueryExecution")).Body;
        Assert.Equal("flowlogs", start.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Equal("AwsDataCatalog", start.GetProperty("QueryExecutionContext").GetProperty("Catalog").GetString());
        Assert.Equal("reports", start.GetProperty("WorkGroup").GetString());
        Assert.Equal("s3://results-bucket/athena/", start.GetProperty("ResultConfiguration").GetProperty("OutputLocation").GetString());
        Assert.Equal(32, start.GetProperty("ClientRequestToken").GetString()!.Length);
        // Absent, not empty: Athena refuses an empty ExecutionParameters list.
        Assert.False(start.TryGetProperty("ExecutionParameters", out _));
        Assert.Equal("reports", result.Execution.WorkGroup);
    }

    [Fact]
    public async Task Each_run_has_its_own_client_request_token()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);

        await athena.RunAsync("SELECT 1 AS one");
        await athena.RunAsync("SELECT 1 AS one");

        var tokens = athena.Fake.RequestsFor("StartQueryExecution").Select(r => r.String("ClientRequestToken")).ToList();
        Assert.Equal(2, tokens.Distinct().Count());
    }

    [Fact]
    public async Task Statistics_name_the_query_and_the_bytes_Athena_scanned()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        athena.Fake.BytesScanned = 123_456_789;

        var (result, rows) = await athena.RunAsync("SELECT srcaddr FROM flow_logs");

        var queryId = Assert.Single(athena.Fake.RequestsFor("GetQueryExecution").Select(r => r.String("QueryExecutionId")).Distinct());
        Assert.Equal(queryId, result.QueryId);
        Assert.Equal(new QueryStatistics(result.Statistics.Elapsed, 123_456_789, rows.Count, queryId), result.Statistics);
        Assert.Equal(123_456_789, result.ExecutionStatistics.DataScannedInBytes);
        Assert.NotNull(result.ExecutionStatistics.TotalExecutionTime);
        Assert.NotNull(result.ExecutionStatistics.SubmittedAt);
        Assert.True(result.ExecutionStatistics.CompletedAt >= result.ExecutionStatistics.SubmittedAt);
    }

    [Fact]
    public async Task Polls_back_off_from_100_ms_doubling_to_2_s()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        athena.Fake.QueuedPolls = 3;
        athena.Fake.RunningPolls = 4;

        await athena.RunAsync("SELECT 1 AS one");

        Assert.Equal(8, athena.Fake.RequestsFor("GetQueryExecution").Count);
        Assert.Equal([100, 200, 400, 800, 1600, 2000, 2000], athena.PollDelays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task DDL_is_accepted_recorded_and_has_an_empty_result()
    {
        const string ddl = "CREATE EXTERNAL TABLE IF NOT EXISTS flow_logs (version int) LOCATION 's3://bucket/AWSLogs/'";
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);

        var (result, rows) = await athena.RunAsync(ddl);

        Assert.Equal([ddl], athena.Fake.DdlStatements);
        Assert.Equal("DDL", result.Execution.StatementType);
        Assert.Empty(result.Columns);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task Rows_can_be_read_once()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        var (result, _) = await athena.RunAsync("SELECT 1 AS one");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in result.ReadRowsAsync(CancellationToken.None))
            {
            }
        });
        Assert.Contains(result.QueryId, error.Message);
    }
}
