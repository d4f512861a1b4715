using FlowLogWarehouse.Athena.Engine;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.Reports;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests;

/// <summary>Runs a report over the generated warehouses' day, the same way on any engine, for comparing engines.</summary>
internal static class ReportParity
{
    /// <summary>Values for the reports' required parameters that the generated traffic holds.</summary>
    private static readonly Dictionary<string, string> Required = new()
    {
        ["srcaddr"] = "10.0.1.10", ["dstaddr"] = "10.0.1.10", ["host"] = "10.0.1.10", ["port"] = "443",
    };

    public static Dictionary<string, string> ArgumentsFor(ReportDefinition report) =>
        report.Parameters.Where(p => p.Required).ToDictionary(p => p.Name, p => Required[p.Name]);

    /// <summary>Our Athena engine over a fake Athena, as the CLI builds it, with waits that do not sleep.</summary>
    public static AthenaEngine Athena(
        FakeAthena fake, Func<CancellationToken, Task<DateTimeOffset?>> latestHour, Func<CancellationToken, Task<PartitionGranularity>>? layout = null)
    {
        var client = AthenaClient.Create(fake.Settings, FakeAthena.Credentials, new AthenaClientOptions { Delay = (_, _) => Task.CompletedTask });
        return new AthenaEngine(client, new AthenaSettings(), latestHour, new AthenaRunnerOptions { Delay = (_, _) => Task.CompletedTask }, layout);
    }

    public static async Task<(QueryRequest Request, IReadOnlyList<ResultColumn> Columns, List<object?[]> Rows)> RunAsync(
        IQueryEngine engine, ReportDefinition report, Dictionary<string, string> arguments)
    {
        var runner = new ReportRunner(engine);
        var prepared = await runner.PrepareAsync(report, arguments, GeneratedWarehouse.Day.ToString("yyyy-MM-dd"), GeneratedWarehouse.Day.AddDays(1).ToString("yyyy-MM-dd"), CancellationToken.None);
        await using var result = await runner.ExecuteAsync(prepared, CancellationToken.None);
        return (prepared.Request, result.Columns, await result.ReadAllAsync());
    }
}
