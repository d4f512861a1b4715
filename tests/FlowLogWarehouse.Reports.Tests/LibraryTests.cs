using System.Text.RegularExpressions;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Reports.Tests;

/// <summary>The library as a whole: what ships, what is released, and that each header tells the truth about its SQL.</summary>
public sealed partial class LibraryTests
{
    private static readonly string ReportsFolder = Path.Combine(RepoPaths.Root, "sql", "reports");

    public static TheoryData<string> Reports => new(ReportLibrary.BuiltIn.All.Select(r => r.Id));

    [Fact]
    public void BuiltIn_CarriesEveryFileOfTheRepository()
    {
        var onDisk = ReportLibrary.FromDirectory(ReportsFolder).All.Select(r => (r.Id, r.Text));
        Assert.Equal(onDisk, ReportLibrary.BuiltIn.All.Select(r => (r.Id, r.Text)));
    }

    [Fact]
    public void ReleasedFiles_NeverChange_AndEveryFileIsReleased()
    {
        var released = File.ReadAllLines(Path.Combine(ReportsFolder, "released.sha256"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[1], p => p[0]);
        var files = Directory.EnumerateFiles(ReportsFolder, "*.sql", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ReportsFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        foreach (var file in files)
        {
            var hash = ReportDefinition.Hash(File.ReadAllText(Path.Combine(ReportsFolder, file)));
            Assert.True(released.TryGetValue(file, out var expected),
                $"{file} is not in sql/reports/released.sha256; once final, release it with the line:\n{hash}  {file}");
            Assert.True(expected == hash,
                $"{file} changed after release (sha256 {hash}, released {expected}). Released versions never change: add a new version instead.");
        }
        Assert.Empty(released.Keys.Except(files));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Placeholders_AreDeclaredParametersOrTheWindow_AndEveryParameterIsUsed(string id)
    {
        var report = ReportLibrary.BuiltIn.Resolve(id);
        foreach (var engine in new[] { "duckdb", "athena" })
        {
            var sql = report.SqlFor(engine);
            var used = SqlPlaceholders.Names(sql).Concat(DaysBefore().Matches(sql).Select(m => m.Groups[1].Value)).ToHashSet();
            var declared = report.Parameters.Select(p => p.Name).ToHashSet();
            var undeclared = used.Where(n => !declared.Contains(n) && n is not ("window_from_seconds" or "window_to_seconds")).ToList();
            var unused = declared.Where(n => !used.Contains(n)).ToList();
            Assert.True(undeclared.Count == 0, $"{id} ({engine}) uses undeclared :{string.Join(", :", undeclared)}");
            Assert.True(unused.Count == 0, $"{id} ({engine}) never uses parameter(s) {string.Join(", ", unused)}");
        }
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Requires_NamesEveryCatalogColumnTheSqlReads(string id)
    {
        var report = ReportLibrary.BuiltIn.Resolve(id);
        var required = report.Requires.Select(FlowLogField.ColumnNameFor).ToHashSet();
        // "start" and "end" are read quoted (END also closes a CASE); other columns are plain words.
        var words = Word().Matches(WithoutComments(WithoutStrings(report.Sql)))
            .Select(m => m.Value is "start" or "end" or "START" or "END" ? "" : m.Value.Trim('"'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var read = FieldCatalog.Fields.Select(f => f.Column).Where(words.Contains).ToList();
        // 'type' and 'version' are also SQL words; a report that means the columns declares them.
        var undeclared = read.Where(c => !required.Contains(c) && c is not ("type" or "version")).ToList();
        Assert.True(undeclared.Count == 0, $"{id} reads {string.Join(", ", undeclared)} without listing it in '-- requires:'");
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Header_IsComplete(string id)
    {
        var report = ReportLibrary.BuiltIn.Resolve(id);
        Assert.False(string.IsNullOrWhiteSpace(report.Description));
        Assert.NotEmpty(report.Requires);
        Assert.All(report.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description), $"{id}: parameter {p.Name} has no description"));
    }

    [Fact]
    public void Resolve_NameGivesNewest_AtPinsVersion_UnknownsAreClear()
    {
        var library = ReportLibrary.FromFiles([
            ("demo/v1.sql", "-- name: demo\n-- version: 1\n-- description: one\n-- requires: bytes\nSELECT 1 FROM flow_logs WHERE {{window}}"),
            ("demo/v2.sql", "-- name: demo\n-- version: 2\n-- description: two\n-- requires: bytes\nSELECT 2 FROM flow_logs WHERE {{window}}"),
        ]);
        Assert.Equal(2, library.Resolve("demo").Version);
        Assert.Equal(1, library.Resolve("demo@1").Version);
        Assert.Contains("versions: 1, 2", Assert.Throws<ReportException>(() => library.Resolve("demo@3")).Message);
        Assert.Contains("did you mean demo", Assert.Throws<ReportException>(() => library.Resolve("dem")).Message);
    }

    [Theory]
    [InlineData("-- version: 1\n-- description: d\nSELECT 1 WHERE {{window}}", "has no '-- name:' line")]
    [InlineData("-- name: x\n-- version: 1\n-- description: d\nSELECT 1", "never applies the time window")]
    [InlineData("-- name: x\n-- version: 1\n-- description: d\n-- param: n integer = abc\nSELECT 1 WHERE {{window}}", "'abc' is not an integer")]
    [InlineData("-- name: x\n-- version: 1\n-- description: d\n-- param: n money = 1\nSELECT 1 WHERE {{window}}", "unknown type 'money'")]
    [InlineData("-- name: x\n-- version: 1\n-- description: d\n-- requires: bites\nSELECT 1 WHERE {{window}}", "unknown field 'bites'")]
    [InlineData("-- name: y\n-- version: 1\n-- description: d\nSELECT 1 WHERE {{window}}", "its header says y@1, its path x@1")]
    [InlineData("-- name: x\n-- version: 1\n-- description: d\n-- chrat: bar x=a y=b\nSELECT 1 WHERE {{window}}", "unknown header key 'chrat'")]
    public void BrokenFiles_AreRefusedNamingTheFile(string text, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReportLibrary.FromFiles([("x/v1.sql", text)]));
        Assert.Contains("x/v1.sql", error.Message);
        Assert.Contains(reason, error.Message);
    }

    private static string WithoutStrings(string sql) => StringLiteral().Replace(sql, "''");

    private static string WithoutComments(string sql) => LineComment().Replace(sql, "");

    [GeneratedRegex("--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex("\"?[A-Za-z_][A-Za-z0-9_]*\"?")]
    private static partial Regex Word();

    [GeneratedRegex(@"days_before=([a-z_][a-z0-9_]*)")]
    private static partial Regex DaysBefore();

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();
}
