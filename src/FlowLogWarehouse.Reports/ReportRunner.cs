using System.Text.RegularExpressions;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Reports;

/// <summary>A report made ready for one engine: the statement, every value bound, and the window it covers.</summary>
public sealed record PreparedReport(ReportDefinition Report, TimeWindow Window, QueryRequest Request);

/// <summary>
/// Prepares and runs reports on an engine: checks the warehouse has the fields the report needs, binds the user's
/// parameters by their declared types, and expands <c>{{window}}</c> into the engine's partition-pruning predicate.
/// Values are always bound as parameters; nothing the user typed becomes SQL text.
/// </summary>
public sealed partial class ReportRunner(IQueryEngine engine)
{
    public async Task<PreparedReport> PrepareAsync(
        ReportDefinition report, IReadOnlyDictionary<string, string> arguments, string? from, string? to, CancellationToken cancellationToken)
    {
        var values = Bind(report, arguments);
        var table = await engine.DescribeAsync(cancellationToken);
        CheckFields(report, table);
        var window = WindowArguments.Resolve(from, to, table.LatestHour);

        var parameters = values.Select(v => new QueryParameter(v.Key, v.Value)).ToList();
        var sql = ExpandWindows(report, report.SqlFor(engine.Name), values, window,
            (span, alias) => engine.WindowPredicate(table, span, alias), parameters);
        foreach (var name in new[] { "window_from_seconds", "window_to_seconds" })
            if (parameters.All(p => p.Name != name))
                parameters.Add(new QueryParameter(name, name == "window_from_seconds" ? window.FromSeconds : window.ToSeconds));
        return new PreparedReport(report, window, new QueryRequest(sql, parameters));
    }

    public Task<IQueryResult> ExecuteAsync(PreparedReport prepared, CancellationToken cancellationToken) =>
        engine.ExecuteAsync(prepared.Request, cancellationToken);

    /// <summary>The typed value of every declared parameter: the user's, else the default. Unknown or ill-typed is an error.</summary>
    public static Dictionary<string, object?> Bind(ReportDefinition report, IReadOnlyDictionary<string, string> arguments)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, text) in arguments)
        {
            var parameter = report.Parameter(name)
                ?? throw new ReportException($"report {report.Id} has no parameter '{name}'. {ParameterList(report)}");
            var value = ParameterTypes.Parse(parameter.Type, text, out var reason);
            if (reason is not null)
                throw new ReportException($"parameter '{name}' of report {report.Id}: '{text}' {reason}. {ParameterList(report)}");
            values[name] = value;
        }
        foreach (var parameter in report.Parameters.Where(p => !values.ContainsKey(p.Name)))
        {
            if (parameter.Required)
                throw new ReportException($"report {report.Id} needs --param {parameter.Name}=<{ParameterTypes.Name(parameter.Type)}>. {ParameterList(report)}");
            values[parameter.Name] = parameter.Default;
        }
        return values;
    }

    private static string ParameterList(ReportDefinition report) =>
        report.Parameters.Count == 0
            ? "It takes none besides --from/--to."
            : "Its parameters: " + string.Join("; ", report.Parameters.Select(p => p.Signature)) + ".";

    private static void CheckFields(ReportDefinition report, TableInfo table)
    {
        var missing = report.Requires.Where(f => !table.HasColumn(FlowLogField.ColumnNameFor(f))).ToList();
        if (missing.Count == 0)
            return;
        var versions = missing.Select(f => FieldCatalog.TryGet(f, out var field) ? field.Version : null).Where(v => v is not null).Distinct().Order();
        throw new ReportException(
            $"report {report.Id} needs the field(s) {string.Join(", ", missing)}, which the flow logs in this warehouse do not record " +
            $"(they come with flow log format version {string.Join("/", versions)}; the default format is version 2). " +
            $"Create flow logs that record them: flowlogs format --for-reports {report.Name}");
    }

    /// <summary>
    /// <paramref name="sql"/> with every <c>{{window…}}</c> replaced by <paramref name="predicate"/>(span, alias): the
    /// window itself, or for <c>days_before=</c> the days before it, with its placeholders renamed <c>baseline_*</c>.
    /// Adds each fragment parameter to <paramref name="parameters"/> once. Internal so tests can render a report for an
    /// engine they do not run (the Trino grammar check).
    /// </summary>
    internal static string ExpandWindows(
        ReportDefinition report, string sql, IReadOnlyDictionary<string, object?> values, TimeWindow window,
        Func<TimeWindow, string?, SqlFragment> predicate, List<QueryParameter> parameters) =>
        WindowToken().Replace(sql, match =>
        {
            var alias = match.Groups["alias"].Success ? match.Groups["alias"].Value : null;
            var span = match.Groups["before"].Success ? Baseline(report, values, match.Groups["before"].Value, window) : window;
            var fragment = predicate(span, alias);
            if (!ReferenceEquals(span, window))
                fragment = Renamed(fragment, "baseline_");
            parameters.AddRange(fragment.Parameters.Where(p => parameters.All(q => q.Name != p.Name)));
            return fragment.Sql;
        });

    // {{window days_before=baseline_days}}: the days before the window, for reports that compare with a baseline.
    private static TimeWindow Baseline(ReportDefinition report, IReadOnlyDictionary<string, object?> values, string parameter, TimeWindow window)
    {
        if (values.GetValueOrDefault(parameter) is not long days || days < 1)
            throw new ReportException($"parameter '{parameter}' of report {report.Id} must be a whole number of days, at least 1");
        return new TimeWindow(window.From.AddDays(-days), window.From);
    }

    // The placeholders of a second window must not collide with the first one's.
    private static SqlFragment Renamed(SqlFragment fragment, string prefix)
    {
        var (sql, _) = SqlPlaceholders.Rewrite(fragment.Sql, name => ":" + prefix + name);
        return new SqlFragment(sql, fragment.Parameters.Select(p => p with { Name = prefix + p.Name }).ToList());
    }

    [GeneratedRegex(@"\{\{window(?:\s+(?<alias>[A-Za-z_][A-Za-z0-9_]*))?(?:\s+days_before=(?<before>[a-z_][a-z0-9_]*))?\}\}")]
    private static partial Regex WindowToken();
}
