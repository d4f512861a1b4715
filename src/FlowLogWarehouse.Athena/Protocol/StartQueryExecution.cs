namespace FlowLogWarehouse.Athena.Protocol;

public sealed record StartQueryExecutionRequest
{
    public required string QueryString { get; init; }

    /// <summary>32 to 128 characters; a Start sent again with the same token starts no second query.</summary>
    public string? ClientRequestToken { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public string? WorkGroup { get; init; }

    /// <summary>Values of the statement's positional <c>?</c> markers, each an SQL literal as text.</summary>
    public IReadOnlyList<string>? ExecutionParameters { get; init; }
}

public sealed record StartQueryExecutionResponse
{
    public string? QueryExecutionId { get; init; }
}

public sealed record QueryExecutionContext
{
    public string? Database { get; init; }

    public string? Catalog { get; init; }
}

public sealed record ResultConfiguration
{
    /// <summary>An s3:// folder; may be left out when the workgroup sets one.</summary>
    public string? OutputLocation { get; init; }
}
