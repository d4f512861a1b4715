using FlowLogWarehouse.Athena.Protocol;

namespace FlowLogWarehouse.Athena;

/// <summary>What Athena reports of a finished query: bytes scanned (what it bills) and its own timings.</summary>
public sealed record AthenaExecutionStatistics(
    string QueryId,
    long? DataScannedInBytes,
    TimeSpan? EngineExecutionTime,
    TimeSpan? TotalExecutionTime,
    TimeSpan? QueueTime,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? CompletedAt)
{
    public static AthenaExecutionStatistics Of(string queryId, QueryExecution execution)
    {
        var statistics = execution.Statistics;
        return new AthenaExecutionStatistics(
            queryId,
            statistics?.DataScannedInBytes,
            Milliseconds(statistics?.EngineExecutionTimeInMillis),
            Milliseconds(statistics?.TotalExecutionTimeInMillis),
            Milliseconds(statistics?.QueryQueueTimeInMillis),
            execution.Status?.SubmissionDateTime,
            execution.Status?.CompletionDateTime);
    }

    private static TimeSpan? Milliseconds(long? value) => value is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}
