using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Athena.Engine;

/// <summary>
/// The query interface on Amazon Athena: the table created by <see cref="AthenaSetup"/> over a warehouse on S3.
/// <c>:name</c> placeholders become Athena's positional execution parameters, each value a typed literal.
/// </summary>
public sealed class AthenaEngine(
    AthenaClient client, AthenaSettings settings, Func<CancellationToken, Task<DateTimeOffset?>> latestHour, AthenaRunnerOptions? runnerOptions = null)
    : IQueryEngine
{
    private static readonly string[] TimeKeys = ["year", "month", "day", "hour"];
    private static readonly string[] PartitionKeys = ["aws-account-id", "aws-service", "aws-region", .. TimeKeys];

    private readonly AthenaQueryRunner _runner = new(client, runnerOptions);

    public string Name => "athena";

    /// <summary>The table's columns are the catalog's (its DDL declares them all) and the partition keys.</summary>
    public async Task<TableInfo> DescribeAsync(CancellationToken cancellationToken)
    {
        var columns = FieldCatalog.Fields.Where(f => f.IsKnown).ToDictionary(f => f.Column, f => f.Type switch
        {
            FieldType.Int32 or FieldType.Int64 => ValueKind.Integer,
            _ => ValueKind.String,
        });
        foreach (var key in PartitionKeys)
            columns[key] = TimeKeys.Contains(key) ? ValueKind.Integer : ValueKind.String;
        return new TableInfo(columns, PartitionKeys, await latestHour(cancellationToken));
    }

    public SqlFragment WindowPredicate(TableInfo table, TimeWindow window, string? alias = null) =>
        PartitionWindow.Predicate(TimeKeys, window, alias);

    public async Task<IQueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        AthenaReadOnly.Check(request.Sql);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in request.Parameters)
            values[parameter.Name] = parameter.Value;
        var (sql, names) = SqlPlaceholders.Rewrite(request.Sql, _ => "?");
        var literals = names.Select(name => values.TryGetValue(name, out var value)
            ? AthenaLiterals.Render(name, value)
            : throw new QueryException($"no value was given for :{name}")).ToList();
        var query = new AthenaQuery(sql)
        {
            ExecutionParameters = literals,
            Database = settings.Database,
            Catalog = settings.Catalog,
            WorkGroup = settings.WorkGroup,
            OutputLocation = settings.OutputLocation,
        };
        try
        {
            return await _runner.RunAsync(query, cancellationToken);
        }
        catch (AthenaQueryException e)
        {
            throw new QueryException(e.Message, e, e.QueryId);
        }
        catch (AthenaException e)
        {
            throw new QueryException($"Athena refused the query: {e.Message}", e);
        }
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
