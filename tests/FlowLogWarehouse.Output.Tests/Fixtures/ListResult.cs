using System.Runtime.CompilerServices;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output.Tests.Fixtures;

/// <summary>An <see cref="IQueryResult"/> over rows in memory, counting how many were read.</summary>
internal sealed class ListResult(IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows) : IQueryResult
{
    public ListResult(params (string Name, ValueKind Kind)[] columns)
        : this(columns.Select(c => new ResultColumn(c.Name, c.Kind)).ToList(), [])
    {
    }

    public IReadOnlyList<ResultColumn> Columns => columns;

    public IReadOnlyList<object?[]> Rows => rows;

    public int RowsRead { get; private set; }

    public QueryStatistics Statistics => new(TimeSpan.Zero, null, RowsRead);

    public ListResult With(params object?[][] moreRows) => new(columns, [.. rows, .. moreRows]);

    public async IAsyncEnumerable<object?[]> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RowsRead++;
            yield return row;
        }
        await Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
