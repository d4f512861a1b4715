using FlowLogWarehouse.Query;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Reports.Tests;

/// <summary>
/// Every version of every report, rendered as the Athena engine will send it, parses as Trino SQL. The other report
/// tests run the DuckDB rendering; without this check a DuckDB-only construct would first fail on Athena.
/// </summary>
public sealed class TrinoGrammarTests
{
    private static readonly string[] TimeKeys = ["year", "month", "day", "hour"];

    // Any window does: the rendered text does not depend on it, only the bound values do.
    private static readonly TimeWindow Window = new(
        new DateTimeOffset(2026, 10, 31, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 18, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task EveryReport_AsAthenaRunsIt_IsValidTrino()
    {
        var statements = ReportLibrary.BuiltIn.All.Select(r => new TrinoStatement(r.Id, AthenaSql(r))).ToList();
        Assert.NotEmpty(statements);

        var result = await TrinoGrammar.CheckAsync(statements);

        // The first error the parser reports for each report: later ones mostly follow from it, even earlier in the text.
        var firsts = result.Errors.GroupBy(e => e.Id).Select(g => (First: g.First(), More: g.Count() - 1)).ToList();
        if (firsts.Count > 0)
            Assert.Fail($"{firsts.Count} of {statements.Count} reports are not valid Trino as Athena will run them:\n\n"
                + string.Join("\n\n", firsts.Select(f => f.First.Describe(statements) + (f.More > 0 ? $"\n    (and {f.More} more error(s))" : ""))));
        Assert.Equal(0, result.ExitCode);
    }

    // Proves the check can fail, and shows what it catches: DuckDB-only syntax, unrewritten :name placeholders, a
    // LIMIT before OFFSET (Trino wants OFFSET first), more than one statement. One Node process for all of them.
    [Fact]
    public async Task BrokenStatements_AreReportedInvalid_AtTheirPosition()
    {
        (string Sql, int Line, int Column)[] broken =
        [
            ("SELECT FROM WHERE", 1, 8),
            ("SELECT srcaddr::VARCHAR FROM flow_logs", 1, 15),
            ("SELECT * EXCLUDE (srcaddr) FROM flow_logs", 1, 10),
            ("FROM flow_logs SELECT srcaddr", 1, 1),
            ("SELECT srcaddr FROM flow_logs\nWHERE dstport = :port", 2, 17),
            ("SELECT srcaddr FROM flow_logs LIMIT 10 OFFSET 5", 1, 40),
            ("SELECT 1; SELECT 2", 1, 1),
        ];
        var statements = broken.Select((b, i) => new TrinoStatement($"broken{i}", b.Sql))
            .Prepend(new TrinoStatement("valid", "SELECT srcaddr FROM flow_logs WHERE dstport = ? OFFSET 5 LIMIT ?")).ToList();

        var result = await TrinoGrammar.CheckAsync(statements);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(result.Errors, e => e.Id == "valid");
        for (var i = 0; i < broken.Length; i++)
        {
            var first = result.Errors.FirstOrDefault(e => e.Id == $"broken{i}");
            Assert.True(first is not null, $"not reported invalid: {broken[i].Sql}");
            Assert.Equal((broken[i].Line, broken[i].Column), (first.Line, first.Column));
        }
    }

    // As the Athena engine will send it: {{window…}} expanded over the partition keys (ReportRunner's own expansion,
    // baselines included), then every :name placeholder a positional execution parameter.
    private static string AthenaSql(ReportDefinition report)
    {
        var values = report.Parameters.ToDictionary(p => p.Name, p => p.Default);
        var sql = ReportRunner.ExpandWindows(report, report.SqlFor("athena"), values, Window,
            (span, alias) => PartitionWindow.Predicate(TimeKeys, span, alias), []);
        return SqlPlaceholders.Rewrite(sql, _ => "?").Sql;
    }
}
