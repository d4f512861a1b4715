namespace FlowLogWarehouse.Athena.Protocol;

public sealed record GetQueryExecutionRequest
{
    public required string QueryExecutionId { get; init; }
}

public sealed record GetQueryExecutionResponse
{
    public QueryExecution? QueryExecution { get; init; }
}

public sealed record QueryExecution
{
    public string? QueryExecutionId { get; init; }

    public string? Query { get; init; }

    /// <summary>DDL, DML or UTILITY; only DML results start with a header row.</summary>
    public string? StatementType { get; init; }

    public QueryExecutionStatus? Status { get; init; }

    public QueryExecutionStatistics? Statistics { get; init; }

    public string? WorkGroup { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public IReadOnlyList<string>? ExecutionParameters { get; init; }
}

public sealed record QueryExecutionStatus
{
    /// <summary>One of <see cref="QueryExecutionState"/>.</summary>
    public string? State { get; init; }

    public string? StateChangeReason { get; init; }

    public DateTimeOffset? SubmissionDateTime { get; init; }

    public DateTimeOffset? CompletionDateTime { get; init; }

    public AthenaError? AthenaError { get; init; }
}

/// <summary>Athena's classification of a failed query (category 1 system, 2 user, 3 other).</summary>
public sealed record AthenaError
{
    public int? ErrorCategory { get; init; }

    public int? ErrorType { get; init; }

    public bool? Retryable { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record QueryExecutionStatistics
{
    public long? DataScannedInBytes { get; init; }

    public long? EngineExecutionTimeInMillis { get; init; }

    public long? TotalExecutionTimeInMillis { get; init; }

    public long? QueryQueueTimeInMillis { get; init; }
}

public static class QueryExecutionState
{
    public const string Queued = "QUEUED";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";

    /// <summary>True for the states a query never leaves.</summary>
    public static bool IsFinal(string? state) => state is Succeeded or Failed or Cancelled;
}
