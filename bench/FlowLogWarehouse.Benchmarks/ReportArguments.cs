using FlowLogWarehouse.Query;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>
/// Values for the parameters a report requires (those without a default), picked from the warehouse so the report
/// finds something: a report about one host given an address that never occurs would time an empty scan.
/// Parameters with a default keep it. The rules, by declared type and name:
/// <list type="bullet">
/// <item>ip named like <c>src…</c>: the most frequent <c>srcaddr</c>;</item>
/// <item>any other ip (<c>dstaddr</c>, <c>host</c>, <c>peer</c>…): the <c>dstaddr</c> of the most frequent (dstaddr, dstport) pair;</item>
/// <item>port: the <c>dstport</c> of that pair, so a host and a port together name a service that exists;</item>
/// <item>string naming an ENI, VPC, subnet or instance: the most frequent such id;</item>
/// <item>integer or double: 1; boolean: false.</item>
/// </list>
/// A required string the rules do not cover leaves the report out, saying why.
/// </summary>
internal sealed class ReportArguments(IQueryEngine warehouse, TimeWindow window)
{
    private readonly Dictionary<string, string?> _samples = new(StringComparer.Ordinal);
    private (string Address, string Port)? _topService;

    /// <summary>What was picked, for the results (only what some report asked for).</summary>
    public IReadOnlyList<string> Picked => _samples.Where(s => s.Value is not null).Select(s => $"most frequent {s.Key} {s.Value}")
        .Concat(_topService is { } top ? [$"most frequent (dstaddr, dstport) {top.Address}:{top.Port}"] : [])
        .ToList();

    /// <summary>The arguments to run <paramref name="report"/> with; a <see cref="BenchException"/> when a required one has no rule.</summary>
    public async Task<Dictionary<string, string>> ForAsync(ReportDefinition report, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in report.Parameters.Where(p => p.Required))
        {
            var value = await ValueAsync(parameter, cancellationToken)
                ?? throw new BenchException(
                    $"report {report.Id} requires parameter '{parameter.Signature}' and the bench has no rule to pick a value for it " +
                    "(see ReportArguments.cs)");
            arguments[parameter.Name] = value;
        }
        return arguments;
    }

    private async Task<string?> ValueAsync(ReportParameter parameter, CancellationToken cancellationToken)
    {
        var name = parameter.Name.ToLowerInvariant();
        return parameter.Type switch
        {
            ParameterType.Ip when name.Contains("src", StringComparison.Ordinal) => await MostFrequentAsync("srcaddr", cancellationToken),
            ParameterType.Ip => (await TopServiceAsync(cancellationToken))?.Address,
            ParameterType.Port => (await TopServiceAsync(cancellationToken))?.Port,
            ParameterType.String => IdColumn(name) is { } column ? await MostFrequentAsync(column, cancellationToken) : null,
            ParameterType.Integer or ParameterType.Double => "1",
            ParameterType.Boolean => "false",
            _ => null,
        };
    }

    private static string? IdColumn(string name) =>
        name.Contains("eni", StringComparison.Ordinal) || name.Contains("interface", StringComparison.Ordinal) ? "interface_id"
        : name.Contains("vpc", StringComparison.Ordinal) ? "vpc_id"
        : name.Contains("subnet", StringComparison.Ordinal) ? "subnet_id"
        : name.Contains("instance", StringComparison.Ordinal) ? "instance_id"
        : null;

    private async Task<string?> MostFrequentAsync(string column, CancellationToken cancellationToken)
    {
        if (_samples.TryGetValue(column, out var known))
            return known;
        var quoted = DuckDbSql.Identifier(column);
        var rows = await QueryAsync(
            $"SELECT CAST({quoted} AS VARCHAR) FROM flow_logs WHERE {quoted} IS NOT NULL AND \"start\" >= :from AND \"start\" < :to " +
            $"GROUP BY {quoted} ORDER BY count(*) DESC, {quoted} LIMIT 1", cancellationToken);
        return _samples[column] = rows.Count == 0 ? null : (string?)rows[0][0];
    }

    private async Task<(string Address, string Port)?> TopServiceAsync(CancellationToken cancellationToken)
    {
        if (_topService is not null)
            return _topService;
        var rows = await QueryAsync(
            "SELECT dstaddr, CAST(dstport AS VARCHAR) FROM flow_logs WHERE dstaddr IS NOT NULL AND dstport IS NOT NULL " +
            "AND \"start\" >= :from AND \"start\" < :to GROUP BY dstaddr, dstport ORDER BY count(*) DESC, dstaddr, dstport LIMIT 1",
            cancellationToken);
        if (rows.Count > 0)
            _topService = ((string)rows[0][0]!, (string)rows[0][1]!);
        return _topService;
    }

    private async Task<List<object?[]>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        var request = new QueryRequest(sql, [new QueryParameter("from", window.FromSeconds), new QueryParameter("to", window.ToSeconds)]);
        await using var result = await warehouse.ExecuteAsync(request, cancellationToken);
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(cancellationToken))
            rows.Add(row);
        return rows;
    }
}
