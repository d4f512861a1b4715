namespace FlowLogWarehouse.Athena.Tests;

public sealed class RetryTests(AthenaWarehouse warehouse) : IClassFixture<AthenaWarehouse>
{
    [Fact]
    public async Task A_throttled_start_is_retried_with_the_same_client_request_token()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        athena.Fake.ThrottleNext(2);

        var (_, rows) = await athena.RunAsync("SELECT 1 AS one");

        Assert.Equal(1L, Assert.Single(rows)[0]);
        var starts = athena.Fake.RequestsFor("StartQueryExecution");
        Assert.Equal([400, 400, 200], starts.Select(s => s.StatusCode));
        Assert.Equal(["ThrottlingException", "ThrottlingException", null], starts.Select(s => s.ErrorType));
        Assert.Single(starts.Select(s => s.String("ClientRequestToken")).Distinct());
        Assert.Equal(2, athena.RetryDelays.Count);
        // Jittered up to 200 ms, then up to 400 ms.
        Assert.InRange(athena.RetryDelays[0].TotalMilliseconds, 0, 200);
        Assert.InRange(athena.RetryDelays[1].TotalMilliseconds, 0, 400);
    }

    [Fact]
    public async Task Too_many_requests_while_polling_is_retried_too()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        athena.Fake.QueuedPolls = 2;
        // Start passes; the next request, the first poll, is throttled (with Athena's capitalised "Message").
        var queryId = await athena.Runner.StartAsync(new AthenaQuery("SELECT 1"), CancellationToken.None);
        athena.Fake.ThrottleNext(1, "TooManyRequestsException");

        var execution = await athena.Runner.WaitAsync(queryId, CancellationToken.None);

        Assert.Equal("SUCCEEDED", execution.Status?.State);
        Assert.Equal([400, 200, 200, 200, 200], athena.Fake.RequestsFor("GetQueryExecution").Select(r => r.StatusCode));
        Assert.Single(athena.RetryDelays);
    }

    [Fact]
    public async Task A_server_error_is_retried()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);
        athena.Fake.ServerErrorNext();

        var (_, rows) = await athena.RunAsync("SELECT 2 AS two");

        Assert.Equal(2L, Assert.Single(rows)[0]);
        Assert.Equal([500, 200], athena.Fake.RequestsFor("StartQueryExecution").Select(s => s.StatusCode));
    }

    [Fact]
    public async Task Throttling_that_does_not_end_fails_after_the_attempts_allowed()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path, maxAttempts: 3);
        athena.Fake.ThrottleNext(100);

        var error = await Assert.ThrowsAsync<AthenaException>(() => athena.RunAsync("SELECT 1"));

        Assert.Equal("ThrottlingException", error.ErrorType);
        Assert.Equal("StartQueryExecution", error.Operation);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Athena StartQueryExecution failed: ThrottlingException: Rate exceeded", error.Message);
        Assert.NotNull(error.RequestId);
        Assert.Equal(3, athena.Fake.Requests.Count);
    }

    [Fact]
    public async Task An_invalid_request_is_not_retried()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);

        var error = await Assert.ThrowsAsync<AthenaException>(() => athena.Client.GetQueryExecutionAsync("no-such-query", CancellationToken.None));

        Assert.Equal("InvalidRequestException", error.ErrorType);
        Assert.Equal("QueryExecution no-such-query was not found", error.ErrorMessage);
        Assert.Single(athena.Fake.Requests);
        Assert.Empty(athena.RetryDelays);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_is_retried_then_named()
    {
        var port = ClosedPort();
        var settings = new Aws.AwsSettings { EndpointUrl = $"http://127.0.0.1:{port}", Region = "eu-west-1" };
        var delays = new List<TimeSpan>();
        using var client = AthenaClient.Create(settings, TestSupport.FakeAthena.Credentials, new AthenaClientOptions
        {
            MaxAttempts = 2,
            Delay = (delay, _) =>
            {
                delays.Add(delay);
                return Task.CompletedTask;
            },
        });

        var error = await Assert.ThrowsAsync<AthenaException>(() => client.GetQueryExecutionAsync("q", CancellationToken.None));

        Assert.Equal("RequestFailed", error.ErrorType);
        Assert.Null(error.StatusCode);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Single(delays);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Retries_are_logged_by_operation_and_error_never_with_a_credential()
    {
        await using var fake = await TestSupport.FakeAthena.StartAsync(warehouse.Path);
        fake.ThrottleNext(1);
        var sink = new MessageSink();
        var logger = new Serilog.LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(sink).CreateLogger();
        using var client = AthenaClient.Create(fake.Settings, TestSupport.FakeAthena.Credentials, new AthenaClientOptions
        {
            Delay = (_, _) => Task.CompletedTask,
            Logger = logger,
        });

        await new AthenaQueryRunner(client, new AthenaRunnerOptions { Delay = (_, _) => Task.CompletedTask, Logger = logger })
            .RunAsync(new AthenaQuery("SELECT 1"), CancellationToken.None);

        var message = Assert.Single(sink.Messages);
        Assert.StartsWith("Athena \"StartQueryExecution\" attempt 1 of 6 failed with \"ThrottlingException\"", message);
        Assert.DoesNotContain(TestSupport.FakeAthena.AccessKey, message);
        Assert.DoesNotContain("fake-athena-secret-key", message);
    }

    private sealed class MessageSink : Serilog.Core.ILogEventSink
    {
        public List<string> Messages { get; } = [];

        public void Emit(Serilog.Events.LogEvent logEvent) => Messages.Add(logEvent.RenderMessage());
    }
}
