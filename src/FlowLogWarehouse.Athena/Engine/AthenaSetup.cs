using FlowLogWarehouse.Athena.Ddl;

namespace FlowLogWarehouse.Athena.Engine;

/// <summary>
/// The statements that make a warehouse queryable on Athena: the database, the table with partition projection,
/// and, when the table has another name, a <c>flow_logs</c> view for the reports. Each may run again harmlessly.
/// </summary>
public static class AthenaSetup
{
    public sealed record Statement(string Sql, bool IsHive);

    public static IReadOnlyList<Statement> Statements(AthenaTable table)
    {
        var statements = new List<Statement>
        {
            new(AthenaDdl.CreateDatabase(table.Database), true),
            new(AthenaDdl.CreateTable(table), true),
        };
        if (table.Table != AthenaSettings.ReportTable)
            statements.Add(new($"CREATE OR REPLACE VIEW \"{table.Database}\".\"{AthenaSettings.ReportTable}\" AS SELECT * FROM \"{table.Database}\".\"{table.Table}\"", false));
        return statements;
    }

    /// <summary>Runs them in order, each waiting for the last: the table needs its database.</summary>
    public static async Task<IReadOnlyList<AthenaExecutionStatistics>> RunAsync(AthenaQueryRunner runner, AthenaSettings settings, AthenaTable table, CancellationToken cancellationToken)
    {
        var done = new List<AthenaExecutionStatistics>();
        foreach (var statement in Statements(table))
        {
            await using var result = await runner.RunAsync(new AthenaQuery(statement.Sql)
            {
                Catalog = settings.Catalog,
                WorkGroup = settings.WorkGroup,
                OutputLocation = settings.OutputLocation,
            }, cancellationToken);
            done.Add(result.ExecutionStatistics);
        }
        return done;
    }
}
