using System.Text.Json;
using FlowLogWarehouse.Cli.Commands;
using FlowLogWarehouse.Cli.Tests.Fixtures;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Cli.Tests;

public class FieldsCommandTests
{
    [Fact]
    public async Task Fields_Table_HasOneRowPerCatalogFieldInCatalogOrder()
    {
        var run = await InProcess.RunAsync("fields");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.StdErr);
        var lines = InProcess.Lines(run.StdOut);
        Assert.StartsWith("NAME", lines[0]);
        Assert.Equal(FieldCatalog.Fields.Select(f => f.Name), lines.Skip(1).Select(l => l.Split(' ')[0]));
    }

    [Fact]
    public async Task Fields_Table_ColumnsAreAlignedUnderTheirHeaders()
    {
        var lines = InProcess.Lines((await InProcess.RunAsync("fields")).StdOut);
        var header = lines[0];
        int At(string name) => header.IndexOf(name, StringComparison.Ordinal);

        for (var i = 0; i < FieldCatalog.Fields.Count; i++)
        {
            var field = FieldCatalog.Fields[i];
            var row = lines[i + 1];
            Assert.StartsWith(field.Column + " ", row[At("COLUMN")..]);
            Assert.StartsWith(field.Version + " ", row[At("VERSION")..]);
            Assert.StartsWith(FieldsCommand.TypeName(field.Type) + " ", row[At("TYPE")..]);
            Assert.StartsWith(field.Description[..Math.Min(20, field.Description.Length)], row[At("DESCRIPTION")..]);
            Assert.Equal(row.TrimEnd(), row);
        }
    }

    [Fact]
    public async Task Fields_Table_CutsLongDescriptionsAndMarksTheCut()
    {
        var lines = InProcess.Lines((await InProcess.RunAsync("fields")).StdOut);
        var start = lines[0].IndexOf("DESCRIPTION", StringComparison.Ordinal);
        var longest = FieldCatalog.Fields.MaxBy(f => f.Description.Length)!;
        var row = lines.Single(l => l.StartsWith(longest.Name + " ", StringComparison.Ordinal));

        Assert.True(longest.Description.Length > 64, "the catalog should have a description longer than the table shows");
        Assert.EndsWith("...", row);
        Assert.StartsWith(row[start..^3], longest.Description);
        Assert.All(lines, l => Assert.True(l.Length - start <= 64, $"description cell too wide: {l}"));
    }

    [Fact]
    public async Task Fields_Json_HasExactlyTheCatalogFieldsWithFullDescriptions()
    {
        var run = await InProcess.RunAsync("fields", "--json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.StdOut);
        var items = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(FieldCatalog.Fields.Count, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var field = FieldCatalog.Fields[i];
            var item = items[i];
            Assert.Equal(
                ["name", "column", "version", "type", "description", "allowed", "reports"],
                item.EnumerateObject().Select(p => p.Name));
            Assert.Equal(field.Name, item.GetProperty("name").GetString());
            Assert.Equal(field.Column, item.GetProperty("column").GetString());
            Assert.Equal(field.Version, item.GetProperty("version").GetInt32());
            Assert.Equal(field.Description, item.GetProperty("description").GetString());
            Assert.Equal(field.Allowed, item.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        }
    }

    [Fact]
    public async Task Fields_Json_TypesAndVersionsMatchTheCatalogFile()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("schemas/flow-log-fields.json")));
        var expected = catalog.RootElement.GetProperty("fields").EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString(), f.GetProperty("version").GetInt32(), f.GetProperty("type").GetString()));

        using var output = JsonDocument.Parse((await InProcess.RunAsync("fields", "--json")).StdOut);
        var actual = output.RootElement.EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString(), f.GetProperty("version").GetInt32(), f.GetProperty("type").GetString()));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Fields_Json_ListsTheReportsThatReadEachField()
    {
        using var document = JsonDocument.Parse((await InProcess.RunAsync("fields", "--json")).StdOut);
        var reports = document.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("reports").EnumerateArray().Select(r => r.GetString()!).ToList());

        foreach (var field in FieldCatalog.Fields)
        {
            var expected = ReportLibrary.BuiltIn.Latest.Where(r => r.Requires.Contains(field.Name)).Select(r => r.Name);
            Assert.Equal(expected, reports[field.Name]);
        }
        Assert.Equal(["nat-paths", "top-talkers-packets"], reports["pkt-srcaddr"]);
        Assert.Equal(ReportLibrary.BuiltIn.Latest.Count, reports["start"].Count);
    }

    [Fact]
    public async Task Fields_Table_ReportsColumnSaysAllAllButOrTheNames()
    {
        var lines = InProcess.Lines((await InProcess.RunAsync("fields")).StdOut);
        var at = lines[0].IndexOf("REPORTS", StringComparison.Ordinal);
        string Cell(string name) => lines.Single(l => l.StartsWith(name + " ", StringComparison.Ordinal))[at..].Split("  ")[0];

        Assert.Equal("all", Cell("start"));
        Assert.Equal("nat-paths, top-talkers-packets", Cell("pkt-srcaddr"));
        Assert.Equal("-", Cell("ecs-task-id"));
        Assert.StartsWith("all but capture-gaps", Cell("srcaddr"));
    }
}
