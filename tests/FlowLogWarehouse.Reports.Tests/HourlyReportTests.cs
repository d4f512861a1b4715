namespace FlowLogWarehouse.Reports.Tests;

public sealed class HourlyReportTests
{
    [Fact]
    public async Task Hourly_SumsEachHourAndRanksThePeak()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Start = Flow.Day2.AddHours(1), Bytes = 100, Packets = 1 },
            new Flow { Start = Flow.Day2.AddHours(1).AddMinutes(59), Bytes = 200, Packets = 2 },
            new Flow { Start = Flow.Day2.AddHours(2), Bytes = 5000, Packets = 5 },
            new Flow { Start = Flow.Day2.AddHours(4), Bytes = 10, Packets = 1 },
            Flow.Status("NODATA", "eni-0a1b2c3d4e5f60001", Flow.Day2.AddHours(4)));

        var result = await warehouse.RunAsync("hourly", from: "2026-11-02", to: "2026-11-03");

        Assert.Equal(
            [new DateTime(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 4, 0, 0, DateTimeKind.Utc)],
            result.Column("hour_start"));
        Assert.Equal([300L, 5000L, 10L], result.Column("bytes"));
        Assert.Equal([2L, 1L, 1L], result.Column("flows"));
        Assert.Equal([2L, 1L, 3L], result.Column("rank_by_bytes"));
    }
}
