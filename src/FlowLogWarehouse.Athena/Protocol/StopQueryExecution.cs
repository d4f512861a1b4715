namespace FlowLogWarehouse.Athena.Protocol;

public sealed record StopQueryExecutionRequest
{
    public required string QueryExecutionId { get; init; }
}

public sealed record StopQueryExecutionResponse;
