using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Athena.Engine;

/// <summary>
/// The query interface on Amazon Athena: the table created by <see cref="AthenaSetup"/> over a warehouse on S3.
/// <c>:name</c> placeholders become Athena's positional execution parameters, each value a typed literal.
/// <paramref name="layout"/> tells whether the table's partitions are hours or days (its DDL followed the warehouse's
/// folders); without it, hours.
/// </summary>
public sealed class AthenaEngine(
    AthenaClient client, AthenaSettings settings, Func<CancellationToken, Task<DateTimeOffset?>> latestHour, AthenaRunnerOptions? runnerOptions = null,
    Func<CancellationToken, Task<PartitionGranularity>>? layout = null)
    : IQueryEngine
{
    private static readonly string[] AccountKeys = ["aws-account-id", "aws-service", "aws-region"];

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
        var granularity = layout is null ? PartitionGranularity.Hour : await layout(cancellationToken);
        var timeKeys = granularity.TimeKeys();
        foreach (var key in AccountKeys)
            columns[key] = ValueKind.String;
        foreach (var key in timeKeys)
            columns[key] = ValueKind.Integer;
        return new TableInfo(columns, [.. AccountKeys, .. timeKeys], await latestHour(cancellationToken));
    }

    public SqlFragment WindowPredicate(TableInfo table, TimeWindow window, string? alias = null) =>
        PartitionWindow.Predicate(table.PartitionKeys.Where(k => !AccountKeys.Contains(k)).ToList(), window, alias);

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
