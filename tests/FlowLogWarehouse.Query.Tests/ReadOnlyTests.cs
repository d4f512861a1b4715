namespace FlowLogWarehouse.Query.Tests;

/// <summary>Ad-hoc SQL may read anything in the warehouse and change nothing.</summary>
public sealed class ReadOnlyTests : IAsyncLifetime
{
    private readonly EngineWarehouse _w = new();
    private Query.DuckDb.DuckDbEngine? _engine;

    public async Task InitializeAsync()
    {
        await _w.LoadAsync(EngineWarehouse.V2Header, EngineWarehouse.V2("10.0.0.1", 100));
        _engine = _w.Open();
    }

    public async Task DisposeAsync()
    {
        await _engine!.DisposeAsync();
        _w.Dispose();
    }

    [Theory]
    [InlineData("COPY (SELECT * FROM flow_logs) TO '{wh}/AWSLogs/x.csv'")]
    [InlineData("EXPLAIN ANALYZE COPY (SELECT 1) TO '{wh}/x.csv'")]
    [InlineData("ATTACH '{wh}/x.db'")]
    [InlineData("CREATE TABLE t AS SELECT 1")]
    [InlineData("DROP VIEW flow_logs")]
    [InlineData("SET enable_external_access = false")]
    [InlineData("INSTALL httpfs")]
    [InlineData("SELECT 1; DROP VIEW flow_logs")]
    [InlineData("CALL duckdb_settings()")]
    public async Task StatementsThatWouldChangeAnything_AreRefused(string statement)
    {
        var before = Files();
        var error = await Assert.ThrowsAsync<QueryException>(() => EngineWarehouse.RowsAsync(_engine!, statement.Replace("{wh}", _w.Path)));

        Assert.True(error.Message.Contains("read-only") || error.Message.Contains("one statement at a time"), error.Message);
        Assert.Equal(before, Files());
        Assert.Equal(1L, (await EngineWarehouse.RowsAsync(_engine!, "SELECT count(*) FROM flow_logs")).Single()[0]);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM flow_logs")]
    [InlineData("WITH t AS (SELECT bytes FROM flow_logs) SELECT sum(bytes) FROM t")]
    [InlineData("FROM flow_logs SELECT srcaddr")]
    [InlineData("DESCRIBE flow_logs")]
    [InlineData("SUMMARIZE flow_logs")]
    [InlineData("EXPLAIN SELECT * FROM flow_logs")]
    [InlineData("EXPLAIN ANALYZE SELECT * FROM flow_logs")]
    public async Task Queries_Run(string statement)
    {
        Assert.NotEmpty(await EngineWarehouse.RowsAsync(_engine!, statement));
    }

    [Fact]
    public async Task BadSql_IsAQueryExceptionWithDuckDbsMessage()
    {
        var error = await Assert.ThrowsAsync<QueryException>(() => EngineWarehouse.RowsAsync(_engine!, "SELECT nope FROM flow_logs"));
        Assert.Contains("nope", error.Message);
    }

    private string[] Files() => Directory.GetFiles(_w.Path, "*", SearchOption.AllDirectories).Order().ToArray();
}
