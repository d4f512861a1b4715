using System.Diagnostics;
using System.Runtime.CompilerServices;
using DuckDB.NET.Data;

namespace FlowLogWarehouse.Query.DuckDb;

/// <summary>A streaming DuckDB result: rows are fetched as they are read, values normalised to the contract.</summary>
internal sealed class DuckDbResult : IQueryResult
{
    private readonly DuckDBCommand _command;
    private readonly DuckDBDataReader _reader;
    private readonly CancellationTokenRegistration _registration;
    private readonly Stopwatch _stopwatch;
    private long _rows;

    public DuckDbResult(DuckDBCommand command, DuckDBDataReader reader, CancellationTokenRegistration registration, Stopwatch stopwatch)
    {
        _command = command;
        _reader = reader;
        _registration = registration;
        _stopwatch = stopwatch;
        Columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => new ResultColumn(reader.GetName(i), DuckDbValues.KindOf(reader.GetFieldType(i))))
            .ToList();
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    public QueryStatistics Statistics => new(_stopwatch.Elapsed, null, _rows);

    public async IAsyncEnumerable<object?[]> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            bool more;
            try
            {
                more = _reader.Read();
            }
            catch (DuckDBException e)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new QueryException(DuckDbValues.Message(e), e);
            }
            if (!more)
                break;
            cancellationToken.ThrowIfCancellationRequested();
            var row = new object?[Columns.Count];
            for (var i = 0; i < row.Length; i++)
                row[i] = _reader.IsDBNull(i) ? null : DuckDbValues.Normalize(_reader.GetValue(i), Columns[i].Kind);
            _rows++;
            yield return row;
        }
        _stopwatch.Stop();
        await Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _registration.Dispose();
        _reader.Dispose();
        _command.Dispose();
        return ValueTask.CompletedTask;
    }
}
