using FlowLogWarehouse.Athena.Ddl;
using FlowLogWarehouse.Athena.Engine;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.Query.DuckDb;
using FlowLogWarehouse.Reports;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests;

/// <summary>The engine contract on Athena: every report answers as on DuckDB, values stay values, writes are refused.</summary>
public sealed class AthenaEngineTests(GeneratedWarehouse warehouse) : IClassFixture<GeneratedWarehouse>
{
    private AthenaEngine Athena() => ReportParity.Athena(warehouse.Fake, async cancellationToken =>
    {
        await using var duckDb = DuckDbEngine.Open(warehouse.Path);
        return (await duckDb.DescribeAsync(cancellationToken)).LatestHour;
    });

    public static TheoryData<string> Reports() => new(ReportLibrary.BuiltIn.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task EveryReport_SameRowsOnAthenaAsOnDuckDb(string id)
    {
        var report = ReportLibrary.BuiltIn.Resolve(id);
        var arguments = ReportParity.ArgumentsFor(report);

        await using var duckDb = DuckDbEngine.Open(warehouse.Path);
        var expected = await ReportParity.RunAsync(duckDb, report, arguments);
        await using var athena = Athena();
        var actual = await ReportParity.RunAsync(athena, report, arguments);

        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var i = 0; i < expected.Rows.Count; i++)
            for (var c = 0; c < expected.Columns.Count; c++)
                AssertSame(expected.Rows[i][c], actual.Rows[i][c], $"{id} row {i} column {expected.Columns[c].Name}");
    }

    [Fact]
    public async Task HostileValues_AreData_NotSql()
    {
        await using var athena = Athena();
        foreach (var hostile in new[] { "' OR 1=1 --", "ACCEPT' OR 'a'='a", "'; DROP TABLE flow_logs; --", "\\' OR 1=1" })
        {
            var rows = await Rows(athena, "SELECT count(*) AS n FROM flow_logs WHERE action = :action", new QueryParameter("action", hostile));
            Assert.Equal(0L, rows.Single()[0]);
        }
        var accepted = await Rows(athena, "SELECT count(*) AS n FROM flow_logs WHERE action = :action", new QueryParameter("action", "ACCEPT"));
        Assert.True((long)accepted.Single()[0]! > 0);
        var sent = warehouse.Fake.RequestsFor("StartQueryExecution")
            .Where(r => r.Body.TryGetProperty("ExecutionParameters", out _))
            .SelectMany(r => r.Body.GetProperty("ExecutionParameters").EnumerateArray().Select(p => p.GetString())).ToList();
        Assert.Contains("'''; DROP TABLE flow_logs; --'", sent);
    }

    [Fact]
    public async Task EveryValueKind_RendersAsATypedLiteral()
    {
        await using var athena = Athena();
        var rows = await Rows(athena,
            "SELECT :s AS s, :n AS n, :d AS d, :b AS b, :t AS t, :missing IS NULL AS isnull",
            new QueryParameter("s", "it's"), new QueryParameter("n", 42L), new QueryParameter("d", 2.5), new QueryParameter("b", true),
            new QueryParameter("t", new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero)), new QueryParameter("missing", null));
        Assert.Equal(["it's", 42L, 2.5, true, new DateTime(2026, 11, 20, 5, 0, 0, DateTimeKind.Utc), true], rows.Single());
    }

    [Theory]
    [InlineData("DROP TABLE flow_logs")]
    [InlineData("INSERT INTO flow_logs SELECT * FROM flow_logs")]
    [InlineData("/* hidden */ CREATE TABLE x AS SELECT 1")]
    [InlineData("EXPLAIN DROP TABLE flow_logs")]
    [InlineData("UNLOAD (SELECT 1) TO 's3://b/x' WITH (format = 'PARQUET')")]
    public async Task Writes_AreRefused_BeforeAthenaIsAsked(string sql)
    {
        await using var athena = Athena();
        var before = warehouse.Fake.RequestsFor("StartQueryExecution").Count;
        var e = await Assert.ThrowsAsync<QueryException>(() => athena.ExecuteAsync(new QueryRequest(sql), CancellationToken.None));
        Assert.Contains("read-only", e.Message);
        Assert.Equal(before, warehouse.Fake.RequestsFor("StartQueryExecution").Count);
    }

    [Fact]
    public async Task FailedQuery_IsAQueryErrorWithAthenasReasonAndId()
    {
        await using var athena = Athena();
        warehouse.Fake.FailNextQuery("COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
        var e = await Assert.ThrowsAsync<QueryException>(() => athena.ExecuteAsync(new QueryRequest("SELECT nope FROM flow_logs"), CancellationToken.None));
        Assert.Contains("Column 'nope' cannot be resolved", e.Message);
        Assert.False(string.IsNullOrEmpty(e.QueryId));
    }

    [Fact]
    public async Task Ddl_IsHiveAndTheViewTrino_AndADuckDbOnlyQueryIsNot()
    {
        var table = new AthenaTable
        {
            Database = "flowlogs", Table = "vpc_flows", Warehouse = S3Path.Parse("s3://my-warehouse/flow"),
            Accounts = ["123456789012", "000011112222"], Regions = ["eu-west-1"], FirstYear = 2024, LastYear = 2027,
        };
        var statements = AthenaSetup.Statements(table).Select((s, i) => new TrinoStatement($"setup{i}", s.Sql, s.IsHive))
            .Append(new TrinoStatement("injected", AthenaDdl.CreateTable(table with { Accounts = null }), Hive: true))
            .Append(new TrinoStatement("duckdb-only", "SELECT srcaddr::VARCHAR FROM flow_logs")).ToList();

        var result = await TrinoGrammar.CheckAsync(statements);

        Assert.Equal(["duckdb-only"], result.Errors.Select(e => e.Id).Distinct());
        var ddl = statements[1].Sql;
        Assert.Contains("LOCATION 's3://my-warehouse/flow/AWSLogs/'", ddl);
        Assert.Contains("'projection.aws-account-id.values' = '123456789012,000011112222'", ddl);
        Assert.Contains("'storage.location.template' = 's3://my-warehouse/flow/AWSLogs/aws-account-id=${aws-account-id}/aws-service=${aws-service}/aws-region=${aws-region}/year=${year}/month=${month}/day=${day}/hour=${hour}/'", ddl);
        Assert.Contains("'projection.year.range' = '2024,2027'", ddl);
        Assert.Contains("'projection.aws-account-id.type' = 'injected'", statements[3].Sql);
        Assert.Contains("CREATE OR REPLACE VIEW \"flowlogs\".\"flow_logs\"", statements[2].Sql);
    }

    private static async Task<List<object?[]>> Rows(IQueryEngine engine, string sql, params QueryParameter[] parameters)
    {
        await using var result = await engine.ExecuteAsync(new QueryRequest(sql, parameters), CancellationToken.None);
        var rows = await result.ReadAllAsync();
        return rows;
    }

    private static void AssertSame(object? expected, object? actual, string where)
    {
        if (expected is double e && actual is double a)
            Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{where}: {e} != {a}");
        else
            Assert.True(Equals(expected, actual), $"{where}: {expected} ({expected?.GetType().Name}) != {actual} ({actual?.GetType().Name})");
    }
}
