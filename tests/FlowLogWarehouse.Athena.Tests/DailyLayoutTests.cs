using FlowLogWarehouse.Athena.Ddl;
using FlowLogWarehouse.Athena.Engine;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Query.DuckDb;
using FlowLogWarehouse.Reports;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests;

/// <summary>
/// A warehouse in AWS's per-day layout on Athena: a table without the hour key, found from the warehouse's folders,
/// and reports whose window predicate names only year, month and day (the fake Athena runs them on DuckDB over the
/// daily warehouse, where an hour column would not exist).
/// </summary>
public sealed class DailyLayoutTests(GeneratedDailyWarehouse warehouse) : IClassFixture<GeneratedDailyWarehouse>, IAsyncLifetime
{
    private S3Server _s3 = null!;

    public async Task InitializeAsync() => _s3 = await S3Server.StartAsync("warehouse");

    public async Task DisposeAsync() => await _s3.DisposeAsync();

    public static TheoryData<string> Reports() => new(ReportLibrary.BuiltIn.Latest.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task EveryReport_PerDay_SameRowsOnAthenaAsOnDuckDb(string id)
    {
        var report = ReportLibrary.BuiltIn.Resolve(id);
        var arguments = ReportParity.ArgumentsFor(report);

        await using var duckDb = DuckDbEngine.Open(warehouse.Path);
        var expected = await ReportParity.RunAsync(duckDb, report, arguments);
        await using var athena = ReportParity.Athena(warehouse.Fake, _ => Task.FromResult<DateTimeOffset?>(null), _ => Task.FromResult(PartitionGranularity.Day));
        var actual = await ReportParity.RunAsync(athena, report, arguments);

        // The window's partition bounds name the day keys and no hour: the fake would fail on a column the layout lacks.
        Assert.Contains(actual.Request.Parameters, p => p.Name == "window_first_day");
        Assert.DoesNotContain(actual.Request.Parameters, p => p.Name.EndsWith("_hour", StringComparison.Ordinal));
        Assert.Equal(expected.Request.Sql, actual.Request.Sql);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        Assert.Equal(expected.Rows.Select(Text), actual.Rows.Select(Text));
    }

    [Fact]
    public async Task Ddl_PerDay_HasNoHourKey_AndIsHive()
    {
        var table = new AthenaTable
        {
            Database = "flowlogs", Table = "vpc_flows", Warehouse = S3Path.Parse("s3://my-warehouse/flow"),
            Accounts = ["123456789012"], Regions = ["eu-west-1"], FirstYear = 2025, LastYear = 2027, Granularity = PartitionGranularity.Day,
        };
        var ddl = AthenaDdl.CreateTable(table);

        var result = await TrinoGrammar.CheckAsync([new TrinoStatement("daily", ddl, Hive: true)]);

        Assert.Empty(result.Errors);
        Assert.DoesNotContain("hour", ddl);
        Assert.Contains("  `day` int\n)", ddl);
        Assert.Contains("'storage.location.template' = 's3://my-warehouse/flow/AWSLogs/aws-account-id=${aws-account-id}/aws-service=${aws-service}/aws-region=${aws-region}/year=${year}/month=${month}/day=${day}/'", ddl);
        Assert.Contains("'projection.day.range' = '1,31'", ddl);
    }

    [Fact]
    public async Task AthenaDdl_FindsThePerDayLayoutInTheWarehouse()
    {
        await _s3.PutAsync("warehouse", "flow/AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2026/month=11/day=01/a.parquet", "PAR1");

        var ddl = await CliProcess.RunAsync(
            ["athena", "ddl", "--warehouse", "s3://warehouse/flow", "--last-year", "2027", "--endpoint-url", warehouse.Fake.Endpoint, "--s3-endpoint-url", _s3.Endpoint],
            new CliRun { Environment = new Dictionary<string, string>(_s3.Environment) { ["AWS_REGION"] = FakeAthena.Region } });

        Assert.True(ddl.ExitCode == 0, ddl.ToString());
        Assert.Contains("year=${year}/month=${month}/day=${day}/'", ddl.StdOut);
        Assert.DoesNotContain("hour", ddl.StdOut);
    }

    [Theory]
    [InlineData("AWSLogs/aws-account-id=1/aws-service=vpcflowlogs/aws-region=r/year=2026/month=11/day=07/hour=05/b-1.parquet", 5)]
    [InlineData("AWSLogs/aws-account-id=1/aws-service=vpcflowlogs/aws-region=r/year=2026/month=11/day=07/b-1.parquet", 23)]
    public void LatestHour_OfAPerDayFile_IsTheDaysLastHour(string path, int hour) =>
        Assert.Equal(new DateTimeOffset(2026, 11, 7, hour, 0, 0, TimeSpan.Zero), WarehouseOnS3.HourOf(path));

    private static string Text(object?[] row) => string.Join('|', row.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
}
