using Serilog;

namespace FlowLogWarehouse.Athena;

/// <summary>How <see cref="AthenaQueryRunner"/> polls and pages; <see cref="Delay"/> is every wait, for tests to skip.</summary>
public sealed record AthenaRunnerOptions
{
    /// <summary>The wait after the first GetQueryExecution; doubled after each poll up to <see cref="PollMaxDelay"/>.</summary>
    public TimeSpan PollFirstDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan PollMaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows per GetQueryResults page, 1 to 1000 (Athena's limit).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>How long a StopQueryExecution sent on cancellation may take before it is given up.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;
}
