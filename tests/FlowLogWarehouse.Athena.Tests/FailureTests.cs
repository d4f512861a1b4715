namespace FlowLogWarehouse.Athena.Tests;

public sealed class FailureTests(AthenaWarehouse warehouse) : IClassFixture<AthenaWarehouse>
{
    [Fact]
    public async Task A_failed_query_is_an_error_with_its_reason_and_id()
    {
        const string reason = "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved";
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        athena.Fake.FailNextQuery(reason);

        var error = await Assert.ThrowsAsync<AthenaQueryException>(() => athena.RunAsync("SELECT nope FROM flow_logs"));

        var queryId = athena.Fake.RequestsFor("GetQueryExecution").Last().String("QueryExecutionId");
        Assert.Equal(queryId, error.QueryId);
        Assert.Equal("FAILED", error.State);
        Assert.Equal(reason, error.StateChangeReason);
        Assert.Equal($"Athena query {queryId} failed: {reason}", error.Message);
        Assert.Equal(2, error.Error?.ErrorCategory);
        Assert.Empty(athena.Fake.RequestsFor("GetQueryResults"));
    }

    [Fact]
    public async Task SQL_the_engine_rejects_fails_the_query_with_the_engines_message()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);

        var error = await Assert.ThrowsAsync<AthenaQueryException>(() => athena.RunAsync("SELECT no_such_column FROM flow_logs"));

        Assert.Contains("no_such_column", error.StateChangeReason);
        Assert.Contains(error.QueryId, error.Message);
    }

    [Fact]
    public async Task Cancelling_while_the_query_runs_stops_it_on_Athena()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        athena.Fake.HoldNextQuery();
        using var cancellation = new CancellationTokenSource();
        athena.OnPoll = poll =>
        {
            if (poll == 3)
                cancellation.Cancel();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            athena.Runner.RunAsync(new AthenaQuery("SELECT count(*) FROM flow_logs"), cancellation.Token));

        Assert.Single(athena.Fake.RequestsFor("StartQueryExecution"));
        var queryId = athena.Fake.RequestsFor("GetQueryExecution")[0].String("QueryExecutionId");
        var stop = Assert.Single(athena.Fake.RequestsFor("StopQueryExecution"));
        Assert.Equal(queryId, stop.String("QueryExecutionId"));
        Assert.Equal(200, stop.StatusCode);
        var after = await athena.Client.GetQueryExecutionAsync(queryId!, CancellationToken.None);
        Assert.Equal("CANCELLED", after.QueryExecution?.Status?.State);
    }

    [Fact]
    public async Task A_query_cancelled_elsewhere_is_an_error_that_says_so()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        athena.Fake.HoldNextQuery();
        // Someone stops the query (the console, another run) while this one waits for it.
        athena.OnPoll = poll =>
        {
            if (poll == 2)
                athena.Client.StopQueryExecutionAsync(athena.Fake.RequestsFor("GetQueryExecution")[0].String("QueryExecutionId")!, CancellationToken.None).GetAwaiter().GetResult();
        };

        var error = await Assert.ThrowsAsync<AthenaQueryException>(() => athena.RunAsync("SELECT 1"));

        Assert.Equal("CANCELLED", error.State);
        Assert.Equal($"Athena query {error.QueryId} was cancelled: Query was cancelled by user", error.Message);
    }
}
