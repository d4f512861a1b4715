using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Generator.Tests.Fixtures;

namespace FlowLogWarehouse.Generator.Tests;

/// <summary>Format names resolve through the catalog, and every generated line parses with Core's parser.</summary>
public sealed class FlowLogGeneratorFormatTests
{
    [Fact]
    public void ResolveFormat_V2_IsTheDefaultFormat()
    {
        Assert.Equal(FlowLogFormat.Default, FlowLogGenerator.ResolveFormat("v2"));
        Assert.Equal(FieldCatalog.DefaultFormat, FlowLogGenerator.ResolveFormat("v2").Fields);
    }

    [Fact]
    public void ResolveFormat_V5_IsEveryFieldOfVersions2To5InCatalogOrder()
    {
        var expected = FieldCatalog.Fields.Where(f => f.Version is >= 2 and <= 5).ToList();

        Assert.Equal(expected, FlowLogGenerator.ResolveFormat("v5").Fields);
        Assert.Contains(expected, f => f.Name == "traffic-path");
        Assert.DoesNotContain(expected, f => f.Name == "ecs-cluster-arn");
    }

    [Fact]
    public void ResolveFormat_All_IsEveryCatalogField()
    {
        Assert.Equal(FieldCatalog.Fields, FlowLogGenerator.ResolveFormat("all").Fields);
    }

    [Theory]
    [InlineData("${srcaddr} ${dstaddr} ${bytes}")]
    [InlineData("srcaddr dstaddr bytes")]
    [InlineData("srcaddr,dstaddr,bytes")]
    public void ResolveFormat_FieldList_IsParsedLikeFlowLogFormatParse(string text)
    {
        var format = FlowLogGenerator.ResolveFormat(text);

        Assert.Equal("srcaddr dstaddr bytes", format.Text);
        Assert.Equal(FlowLogFormat.Parse(text), format);
    }

    [Fact]
    public void ResolveFormat_MisspelledField_ThrowsFlowLogFormatException()
    {
        var e = Assert.Throws<FlowLogFormatException>(() => FlowLogGenerator.ResolveFormat("${srcadr} ${dstaddr}"));
        Assert.Contains("'srcaddr'", e.Message);
    }

    /// <summary>Header, line endings, field count, Core's parser and the version field, per format.</summary>
    [Theory]
    [InlineData("v2", "2")]
    [InlineData("v5", "5")]
    [InlineData("all", "8")]
    [InlineData("${version} ${interface-id} ${pkt-srcaddr} ${pkt-dstaddr} ${srcaddr} ${dstaddr} ${tcp-flags} ${log-status}", "3")]
    [InlineData("start end action version srcaddr dstaddr ecs-task-id reject-reason traffic-path flow-direction", "8")]
    public void Generate_EveryFormat_WritesItsHeaderAndLinesCoreLineParserAccepts(string text, string version)
    {
        using var dir = new TempDirectory();
        var result = FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Path, RowsPerDay = 2_880, Format = text });

        var format = FlowLogGenerator.ResolveFormat(text);
        Assert.Equal(format, result.Format);
        var files = LogFile.ReadAll(dir.Path);
        Assert.All(files, f =>
        {
            Assert.Equal(format.Text, f.Header);
            Assert.Equal((byte)'\n', f.Content[^1]);
            Assert.DoesNotContain(f.Records, string.IsNullOrEmpty);
        });
        // ParseAll fails on any line the parser rejects or whose field count is not the format's.
        var rows = FlowRow.ParseAll(files, format);
        Assert.Equal(2_880, rows.Count);
        // AWS's rule: the version of a custom format is the highest version among its fields.
        Assert.All(rows, r => Assert.Equal(version, r["version"]));
    }

    [Fact]
    public void Generate_FieldTheCatalogLacks_IsWrittenAsDash()
    {
        using var dir = new TempDirectory();
        var result = FlowLogGenerator.Generate(new GeneratorOptions
        {
            OutputDirectory = dir.Path,
            RowsPerDay = 288,
            Format = "${srcaddr} ${customer-tag} ${dstaddr}",
        });

        Assert.False(result.Format.Fields[1].IsKnown);
        var rows = FlowRow.ParseAll(LogFile.ReadAll(dir.Path), result.Format);
        Assert.All(rows, r => Assert.True(r.IsDash("customer-tag")));
        Assert.Contains(rows, r => !r.IsDash("srcaddr"));
    }
}

/// <summary>Reads one generated day in the "all" format.</summary>
public sealed class FlowLogGeneratorAllFieldsTests(AllFieldsDay day) : IClassFixture<AllFieldsDay>
{
    [Fact]
    public void Generate_AllFormat_GivesEveryCatalogFieldARealValueSomewhere()
    {
        var missing = FieldCatalog.Fields
            .Where(f => day.Rows.All(r => r.IsDash(f.Name)))
            .Select(f => f.Name)
            .ToList();

        Assert.True(missing.Count == 0, $"The generator never gives these catalog fields a value: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Generate_AccountAndRegionFields_AreTheOptions()
    {
        Assert.All(day.Rows, r =>
        {
            Assert.Equal("123456789012", r["account-id"]);
            Assert.Equal("us-east-1", r["region"]);
            Assert.StartsWith("use1-az", r["az-id"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Generate_EcsFields_OnlyOnAFewInterfaces()
    {
        var interfaces = day.Rows.Select(r => r["interface-id"]).Distinct().Count();
        var ecsInterfaces = day.Rows.Where(r => !r.IsDash("ecs-cluster-arn")).Select(r => r["interface-id"]).Distinct().ToList();

        Assert.InRange(ecsInterfaces.Count, 1, interfaces / 3);
        Assert.All(day.Rows.Where(r => !r.IsDash("ecs-task-arn")), r =>
        {
            Assert.StartsWith("arn:aws:ecs:us-east-1:123456789012:task/", r["ecs-task-arn"], StringComparison.Ordinal);
            Assert.EndsWith("/" + r["ecs-task-id"], r["ecs-task-arn"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Generate_RejectReason_OnlyOnSomeRejects()
    {
        var rejects = day.Rows.Where(r => r["action"] == "REJECT").ToList();

        Assert.All(day.Rows.Where(r => !r.IsDash("reject-reason")), r => Assert.Equal(("REJECT", "BPA"), (r["action"], r["reject-reason"])));
        Assert.Contains(rejects, r => r.IsDash("reject-reason"));
        Assert.Contains(rejects, r => !r.IsDash("reject-reason"));
    }
}
