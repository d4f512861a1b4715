using Serilog;

namespace FlowLogWarehouse.Athena;

/// <summary>How <see cref="AthenaClient"/> retries; every wait goes through <see cref="Delay"/> so tests need not sleep.</summary>
public sealed record AthenaClientOptions
{
    /// <summary>Attempts per request, the first included, for throttling, 5xx and unreachable endpoints.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The first retry waits up to this; each later one up to twice as long, capped at <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One HTTP request's limit; a request that times out is retried like a 5xx.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>Retries are logged at Debug level, with the operation and AWS's error name.</summary>
    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;
}
