namespace FlowLogWarehouse.Reports.Tests;

public sealed class TotalBytesReportTests
{
    private const string From = "2026-11-02", To = "2026-11-03";

    private static Flow[] Flows =>
    [
        new Flow { Src = "10.0.1.1", Dst = "10.0.2.1", Bytes = 600, Packets = 10 },
        new Flow { Src = "10.0.1.1", Dst = "10.0.2.1", Bytes = 400, Packets = 10, Action = "REJECT" },
        new Flow { Src = "10.0.1.3", Dst = "10.0.2.3", Bytes = 3000, Packets = 30 },
        new Flow { Src = "10.0.1.2", Dst = "10.0.2.2", Bytes = 1000, Packets = 5 },
        // Outside the window and a NODATA record: neither is a pair nor part of the total.
        new Flow { Src = "10.0.1.3", Dst = "10.0.2.3", Bytes = 95_000, Start = Flow.Day2.AddDays(-1) },
        Flow.Status("NODATA", "eni-0a1b2c3d4e5f60001", Flow.Day2.AddHours(10)),
    ];

    [Fact]
    public async Task TotalBytes_PairsLargestFirst_WithTheirShareOfTheWindowsBytes()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(Flows);

        var result = await warehouse.RunAsync("total-bytes", from: From, to: To);

        Assert.Equal(["10.0.1.3", "10.0.1.1", "10.0.1.2"], result.Column("srcaddr"));
        Assert.Equal(["10.0.2.3", "10.0.2.1", "10.0.2.2"], result.Column("dstaddr"));
        Assert.Equal([3000L, 1000L, 1000L], result.Column("bytes"));
        Assert.Equal([30L, 20L, 5L], result.Column("packets"));
        Assert.Equal([1L, 2L, 1L], result.Column("flows"));
        Assert.Equal([0.6, 0.2, 0.2], result.Column("share_of_total"));
    }

    [Fact]
    public async Task TotalBytes_Limit_KeepsTheShareOfTheWholeWindow()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(Flows);

        var result = await warehouse.RunAsync("total-bytes", new { limit = 1 }, From, To);

        Assert.Equal(["10.0.1.3"], result.Column("srcaddr"));
        Assert.Equal([0.6], result.Column("share_of_total"));
    }
}
