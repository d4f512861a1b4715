using System.Diagnostics;
using System.Runtime.CompilerServices;
using FlowLogWarehouse.Athena.Protocol;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Athena;

/// <summary>
/// The rows of a SUCCEEDED query, read page by page from GetQueryResults: one page in memory at a time, whatever the
/// result's size. Rows can be read once.
/// </summary>
public sealed class AthenaQueryResult : IQueryResult
{
    private readonly AthenaClient _client;
    private readonly int _pageSize;
    private readonly Stopwatch _stopwatch;
    private GetQueryResultsResponse? _firstPage;
    private long _rows;

    internal AthenaQueryResult(AthenaClient client, string queryId, QueryExecution execution, GetQueryResultsResponse firstPage, int pageSize, Stopwatch stopwatch)
    {
        _client = client;
        _pageSize = pageSize;
        _stopwatch = stopwatch;
        _firstPage = firstPage;
        QueryId = queryId;
        Execution = execution;
        ColumnInfo = firstPage.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
        Columns = ColumnInfo.Select((c, i) => new ResultColumn(c.Name ?? c.Label ?? $"_col{i}", AthenaValues.KindOf(c.Type))).ToList();
        ExecutionStatistics = AthenaExecutionStatistics.Of(queryId, execution);
    }

    public string QueryId { get; }

    /// <summary>The query's last GetQueryExecution answer.</summary>
    public QueryExecution Execution { get; }

    /// <summary>Athena's column metadata as sent (type names, precision, scale, nullability).</summary>
    public IReadOnlyList<ColumnInfo> ColumnInfo { get; }

    public IReadOnlyList<ResultColumn> Columns { get; }

    public AthenaExecutionStatistics ExecutionStatistics { get; }

    /// <summary>Wall time from start until the last row was read, Athena's bytes scanned, rows read so far.</summary>
    public QueryStatistics Statistics => new(_stopwatch.Elapsed, ExecutionStatistics.DataScannedInBytes, _rows, QueryId);

    /// <summary>Each row once, values typed by <see cref="AthenaValues"/>.</summary>
    public async IAsyncEnumerable<object?[]> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var cells in ReadTextRowsAsync(cancellationToken))
        {
            var row = new object?[cells.Length];
            for (var i = 0; i < row.Length; i++)
                row[i] = Parse(cells[i], i);
            yield return row;
        }
    }

    /// <summary>Each row once, as Athena sent it: VarCharValue per column, null for SQL NULL.</summary>
    public async IAsyncEnumerable<string?[]> ReadTextRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = _firstPage ?? throw new InvalidOperationException($"the rows of Athena query {QueryId} were already read");
        _firstPage = null;
        var skip = IsHeader(page.ResultSet?.Rows) ? 1 : 0;
        while (true)
        {
            foreach (var row in (page.ResultSet?.Rows ?? []).Skip(skip))
            {
                cancellationToken.ThrowIfCancellationRequested();
                _rows++;
                yield return Cells(row);
            }
            skip = 0;
            if (page.NextToken is not { } token)
                break;
            page = await _client.GetQueryResultsAsync(
                new GetQueryResultsRequest { QueryExecutionId = QueryId, NextToken = token, MaxResults = _pageSize }, cancellationToken);
        }
        _stopwatch.Stop();
    }

    // A SELECT's (DML's) first page starts with the column names; SHOW, DESCRIBE (UTILITY) and DDL results do not.
    // Without a statement type, the row is a header when it repeats the column names, as other clients decide.
    private bool IsHeader(IReadOnlyList<Row>? rows)
    {
        if (rows is not { Count: > 0 })
            return false;
        if (Execution.StatementType is { } type)
            return type == "DML";
        var first = Cells(rows[0]);
        return ColumnInfo.Count > 0 && ColumnInfo.Select(c => c.Name).SequenceEqual(first);
    }

    private string?[] Cells(Row row)
    {
        var data = row.Data ?? [];
        var cells = new string?[Columns.Count];
        for (var i = 0; i < cells.Length && i < data.Count; i++)
            cells[i] = data[i]?.VarCharValue;
        return cells;
    }

    private object? Parse(string? text, int column)
    {
        try
        {
            return AthenaValues.Parse(text, Columns[column].Kind);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new AthenaException("GetQueryResults", "InvalidResponse",
                $"query {QueryId}, column {Columns[column].Name} ({ColumnInfo[column].Type}): '{text}' does not read as {Columns[column].Kind}", inner: e);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
