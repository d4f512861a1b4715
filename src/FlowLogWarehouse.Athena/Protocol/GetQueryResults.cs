namespace FlowLogWarehouse.Athena.Protocol;

public sealed record GetQueryResultsRequest
{
    public required string QueryExecutionId { get; init; }

    public string? NextToken { get; init; }

    /// <summary>1 to 1000 rows per page.</summary>
    public int? MaxResults { get; init; }
}

public sealed record GetQueryResultsResponse
{
    public ResultSet? ResultSet { get; init; }

    /// <summary>Null on the last page.</summary>
    public string? NextToken { get; init; }

    public long? UpdateCount { get; init; }
}

public sealed record ResultSet
{
    public ResultSetMetadata? ResultSetMetadata { get; init; }

    public IReadOnlyList<Row>? Rows { get; init; }
}

public sealed record ResultSetMetadata
{
    public IReadOnlyList<ColumnInfo>? ColumnInfo { get; init; }
}

public sealed record ColumnInfo
{
    public string? CatalogName { get; init; }

    public string? SchemaName { get; init; }

    public string? TableName { get; init; }

    public string? Name { get; init; }

    public string? Label { get; init; }

    /// <summary>The Trino type name, e.g. varchar, bigint, timestamp, array.</summary>
    public string? Type { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    /// <summary>NOT_NULL, NULLABLE or UNKNOWN.</summary>
    public string? Nullable { get; init; }

    public bool? CaseSensitive { get; init; }
}

public sealed record Row
{
    public IReadOnlyList<Datum>? Data { get; init; }
}

/// <summary>One cell; a SQL NULL has no <see cref="VarCharValue"/>.</summary>
public sealed record Datum
{
    public string? VarCharValue { get; init; }
}
