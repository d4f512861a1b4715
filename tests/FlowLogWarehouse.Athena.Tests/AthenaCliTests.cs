using System.Text.RegularExpressions;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests;

/// <summary>The real CLI with --engine athena against the fake Athena, and S3 (s3rver) for the warehouse's folders.</summary>
public sealed class AthenaCliTests(GeneratedWarehouse warehouse) : IClassFixture<GeneratedWarehouse>, IAsyncLifetime
{
    private S3Server _s3 = null!;

    public async Task InitializeAsync() => _s3 = await S3Server.StartAsync("warehouse");

    public async Task DisposeAsync() => await _s3.DisposeAsync();

    // One key pair for both servers: s3rver checks its key, the fake Athena only the signature's form and region.
    private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(_s3.Environment) { ["AWS_REGION"] = FakeAthena.Region };

    private Task<CliResult> Run(params string[] args) =>
        CliProcess.RunAsync([.. args, "--endpoint-url", warehouse.Fake.Endpoint, "--s3-endpoint-url", _s3.Endpoint], new CliRun { Environment = Environment });

    [Fact]
    public async Task ReportRun_OnAthena_PrintsTheRowsAndWhatAthenaScanned()
    {
        var duckDb = await CliProcess.RunAsync(["report", "run", "top-talkers", "--warehouse", warehouse.Path, "--from", "2026-11-01", "--to", "2026-11-02", "-o", "csv"]);
        var athena = await Run("report", "run", "top-talkers", "--engine", "athena", "--warehouse", "s3://warehouse/flow", "--from", "2026-11-01", "--to", "2026-11-02", "-o", "csv");

        Assert.True(athena.ExitCode == 0, athena.ToString());
        Assert.Equal(duckDb.StdOut, athena.StdOut);
        Assert.Matches(new Regex("10(\\.0)? MiB scanned|10,485,760|scanned"), athena.StdErr);
    }

    [Fact]
    public async Task Sql_OnAthena_RefusesWrites()
    {
        var result = await Run("sql", "--engine", "athena", "--warehouse", "s3://warehouse/flow", "DROP TABLE flow_logs");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("read-only", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
    }

    [Fact]
    public async Task AthenaDdl_FindsAccountsAndRegionsInTheWarehouse_InitRunsIt()
    {
        foreach (var key in new[]
                 {
                     "flow/AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2025/month=12/day=31/hour=23/a.parquet",
                     "flow/AWSLogs/aws-account-id=000011112222/aws-service=vpcflowlogs/aws-region=us-east-2/year=2026/month=01/day=01/hour=00/b.parquet",
                 })
            await _s3.PutAsync("warehouse", key, "PAR1");

        var ddl = await Run("athena", "ddl", "--warehouse", "s3://warehouse/flow", "--last-year", "2027");

        Assert.True(ddl.ExitCode == 0, ddl.ToString());
        Assert.Contains("'projection.aws-account-id.values' = '000011112222,123456789012'", ddl.StdOut);
        Assert.Contains("'projection.aws-region.values' = 'eu-west-1,us-east-2'", ddl.StdOut);
        Assert.Contains("'projection.year.range' = '2025,2027'", ddl.StdOut);

        var before = warehouse.Fake.DdlStatements.Count;
        var init = await Run("athena", "init", "--warehouse", "s3://warehouse/flow", "--last-year", "2027");
        var again = await Run("athena", "init", "--warehouse", "s3://warehouse/flow", "--last-year", "2027");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        var sent = warehouse.Fake.DdlStatements.Skip(before).ToList();
        Assert.Equal(4, sent.Count);
        Assert.StartsWith("CREATE DATABASE IF NOT EXISTS `flowlogs`", sent[0]);
        Assert.StartsWith("CREATE EXTERNAL TABLE IF NOT EXISTS `flowlogs`.`flow_logs`", sent[1]);
        Assert.Equal(sent[..2], sent[2..]);
    }

    [Fact]
    public async Task EngineAthena_NeedsAWarehouseOnS3()
    {
        var result = await Run("report", "run", "rejected", "--engine", "athena", "--warehouse", warehouse.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--engine athena reads a warehouse on S3", result.StdErr);
    }
}
