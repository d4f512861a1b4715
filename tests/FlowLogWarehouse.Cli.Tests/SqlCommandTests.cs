using System.Text;
using System.Text.Json;
using FlowLogWarehouse.Cli.Tests.Fixtures;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Cli.Tests;

/// <summary><c>flowlogs sql</c>: one statement, a file, or the prompt; always read-only.</summary>
public sealed class SqlCommandTests(DemoWarehouse warehouse) : IClassFixture<DemoWarehouse>
{
    [Fact]
    public async Task Query_Csv_And_Json_AreExact()
    {
        var csv = await Sql("SELECT count(*) AS n, min(day) AS first_day FROM flow_logs", "--output", "csv");
        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.Equal("n,first_day\n40000,1", csv.StdOut.TrimEnd().ReplaceLineEndings("\n"));

        var json = await Sql("SELECT 'a,\"b' AS s, 1.5 AS d, NULL AS z", "--output", "json");
        using var document = JsonDocument.Parse(json.StdOut);
        Assert.Equal("a,\"b", document.RootElement[0].GetProperty("s").GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement[0].GetProperty("z").ValueKind);
    }

    [Fact]
    public async Task Query_FromFile()
    {
        var file = Path.Combine(warehouse.Root, $"q-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, "-- how many accounts\nSELECT count(DISTINCT account_id) AS accounts FROM flow_logs;\n");
        var result = await CliProcess.RunAsync(["sql", "--warehouse", warehouse.Path, "-f", file, "--output", "csv"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("accounts\n1", result.StdOut.TrimEnd().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Writes_AreRefused_WithOneLine()
    {
        var target = Path.Combine(warehouse.Path, "AWSLogs", "stolen.csv");
        var result = await Sql($"COPY flow_logs TO '{target}'");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("read-only", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Prompt_RunsEachStatement_ReportsErrors_AndGoesOn()
    {
        const string script = "SELECT 1 AS one;\nSELECT nope\n  FROM flow_logs;\n.schema\nSELECT 2\n  AS two;\n";
        var result = await CliProcess.RunAsync(["sql", "--warehouse", warehouse.Path, "--output", "csv"],
            new CliRun { Stdin = Encoding.UTF8.GetBytes(script) });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("one\n1\n", result.StdOut.ReplaceLineEndings("\n"));
        Assert.Contains("two\n2\n", result.StdOut.ReplaceLineEndings("\n"));
        Assert.Contains("column_name,column_type", result.StdOut);
        Assert.Contains("nope", result.StdErr);
    }

    private Task<CliResult> Sql(string query, params string[] extra) =>
        CliProcess.RunAsync(["sql", "--warehouse", warehouse.Path, query, .. extra]);
}
