namespace FlowLogWarehouse.Query;

/// <summary>
/// The rows of one statement, streamed. Values arrive as the CLR type of their column's <see cref="ValueKind"/>
/// (long, double, decimal, bool, string, DateOnly, DateTime in UTC) or null, whatever the engine.
/// </summary>
public interface IQueryResult : IAsyncDisposable
{
    IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>Each row once; the array is the caller's to keep.</summary>
    IAsyncEnumerable<object?[]> ReadRowsAsync(CancellationToken cancellationToken);

    /// <summary>What running it cost, known once every row has been read.</summary>
    QueryStatistics Statistics { get; }
}

public sealed record ResultColumn(string Name, ValueKind Kind);

/// <summary>The common types of both engines' results.</summary>
public enum ValueKind
{
    String,
    Integer,
    Double,
    Decimal,
    Boolean,
    Date,
    Timestamp,
    /// <summary>Lists, maps, structs, blobs: rendered as text.</summary>
    Other,
}

/// <summary>Elapsed time, and bytes scanned where the engine reports them (Athena bills by it).</summary>
public sealed record QueryStatistics(TimeSpan Elapsed, long? BytesScanned, long Rows, string? QueryId = null);
