namespace FlowLogWarehouse.Reports.Tests;

public sealed class CaptureGapsReportTests
{
    private const string Idle = "eni-0a0a0a0a0a0a0a0a0";
    private const string Busy = "eni-0b0b0b0b0b0b0b0b0";
    private const string Healthy = "eni-0c0c0c0c0c0c0c0c0";
    private const string SkipHint = "SKIPDATA: records were lost during capture (capacity or internal error), so the data of this hour is incomplete";
    private const string NoDataHint = "NODATA: no traffic in the aggregation interval, usually harmless (an idle or stopped interface)";

    [Fact]
    public async Task CaptureGaps_CountsNoDataAndSkipData_PerInterfaceAndHour_SkipDataFirst_OkRecordsNever()
    {
        var at = Flow.Day2.AddHours(4);
        await using var warehouse = await ReportWarehouse.LoadAsync(
            Flow.Status("NODATA", Idle, at), Flow.Status("NODATA", Idle, at.AddMinutes(10)), Flow.Status("NODATA", Idle, at.AddMinutes(20)),
            Flow.Status("NODATA", Idle, at.AddHours(2)),
            new Flow { Eni = Busy, Start = at }, Flow.Status("SKIPDATA", Busy, at.AddMinutes(30)), Flow.Status("NODATA", Busy, at.AddMinutes(40)),
            Flow.Status("SKIPDATA", Busy, at.AddHours(3)), Flow.Status("SKIPDATA", Busy, at.AddHours(3).AddMinutes(1)),
            new Flow { Eni = Healthy, Start = at }, new Flow { Eni = Healthy, Start = at.AddHours(1), Action = "REJECT" });

        var result = await warehouse.RunAsync("capture-gaps", from: "2026-11-02", to: "2026-11-03");

        Assert.Equal([Busy, Busy, Idle, Idle], result.Column("interface_id"));
        Assert.Equal([at.AddHours(3).UtcDateTime, at.UtcDateTime, at.UtcDateTime, at.AddHours(2).UtcDateTime], result.Column("hour_start"));
        Assert.Equal([0L, 1L, 3L, 1L], result.Column("nodata_records"));
        Assert.Equal([2L, 1L, 0L, 0L], result.Column("skipdata_records"));
        Assert.Equal([SkipHint, SkipHint, NoDataHint, NoDataHint], result.Column("hint"));
    }

    [Fact]
    public async Task CaptureGaps_Limit_CapsTheRows()
    {
        var flows = Enumerable.Range(0, 5).Select(h => Flow.Status("NODATA", Idle, Flow.Day2.AddHours(h))).ToArray();
        await using var warehouse = await ReportWarehouse.LoadAsync(flows);

        var result = await warehouse.RunAsync("capture-gaps", new { limit = 2 }, "2026-11-02", "2026-11-03");

        Assert.Equal([Flow.Day2.UtcDateTime, Flow.Day2.AddHours(1).UtcDateTime], result.Column("hour_start"));
    }
}
