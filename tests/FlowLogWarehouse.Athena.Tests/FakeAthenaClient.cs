using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests;

/// <summary>
/// A fake Athena and our client and runner pointed at it, as the application would build them from settings.
/// Waits do not sleep; they are recorded, retries and polls apart.
/// </summary>
public sealed class FakeAthenaClient : IAsyncDisposable
{
    private FakeAthenaClient(FakeAthena fake, int maxAttempts)
    {
        Fake = fake;
        Client = AthenaClient.Create(fake.Settings, FakeAthena.Credentials, new AthenaClientOptions
        {
            MaxAttempts = maxAttempts,
            Delay = (delay, cancellationToken) => Record(RetryDelays, delay, cancellationToken),
        });
        Runner = new AthenaQueryRunner(Client, new AthenaRunnerOptions
        {
            Delay = (delay, cancellationToken) =>
            {
                OnPoll?.Invoke(PollDelays.Count + 1);
                return Record(PollDelays, delay, cancellationToken);
            },
        });
    }

    public static async Task<FakeAthenaClient> StartAsync(string warehouse, int maxAttempts = 4) =>
        new(await FakeAthena.StartAsync(warehouse), maxAttempts);

    public static async Task<FakeAthenaClient> StartAsync(FakeAthenaExecutor executor, int maxAttempts = 4) =>
        new(await FakeAthena.StartAsync(executor), maxAttempts);

    public FakeAthena Fake { get; }

    public AthenaClient Client { get; }

    public AthenaQueryRunner Runner { get; }

    public List<TimeSpan> RetryDelays { get; } = [];

    public List<TimeSpan> PollDelays { get; } = [];

    /// <summary>Called before each poll's wait with its number (1 for the first).</summary>
    public Action<int>? OnPoll { get; set; }

    /// <summary>Runs <paramref name="sql"/> and reads every row.</summary>
    public async Task<(AthenaQueryResult Result, List<object?[]> Rows)> RunAsync(string sql, params string[] parameters)
    {
        var result = await Runner.RunAsync(new AthenaQuery(sql) { ExecutionParameters = parameters }, CancellationToken.None);
        var rows = await result.ReadAllAsync();
        return (result, rows);
    }

    private static Task Record(List<TimeSpan> delays, TimeSpan delay, CancellationToken cancellationToken)
    {
        delays.Add(delay);
        return Task.Delay(TimeSpan.Zero, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Fake.DisposeAsync();
    }
}
