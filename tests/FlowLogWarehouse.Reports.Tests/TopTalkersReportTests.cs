namespace FlowLogWarehouse.Reports.Tests;

public sealed class TopTalkersReportTests
{
    private const string From = "2026-11-02", To = "2026-11-03";

    [Fact]
    public async Task TopTalkers_RanksSendersByBytes_WithPeersAndShareOfTheWindow()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", Bytes = 600, Packets = 6 },
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.21", Bytes = 200, Packets = 2 },
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", Bytes = 100, Packets = 1 },
            new Flow { Src = "10.0.3.30", Dst = "10.0.1.10", Bytes = 100, Packets = 1 },
            // Outside the window: neither a row nor part of the window's bytes.
            new Flow { Src = "10.0.9.9", Bytes = 5000, Start = Flow.Day2.AddDays(1) },
            // A NODATA record has no address: no row for it.
            Flow.Status("NODATA", "eni-0a1b2c3d4e5f60001", Flow.Day2.AddHours(10)));

        var result = await warehouse.RunAsync("top-talkers", from: From, to: To);

        Assert.Equal(["10.0.1.10", "10.0.3.30"], result.Column("srcaddr"));
        Assert.Equal([3L, 1L], result.Column("flows"));
        Assert.Equal([9L, 1L], result.Column("packets"));
        Assert.Equal([900L, 100L], result.Column("bytes"));
        Assert.Equal([2L, 1L], result.Column("distinct_peers"));
        Assert.Equal([900d / 1000, 100d / 1000], result.Column("byte_share"));
    }

    [Fact]
    public async Task TopTalkers_TiesGoToMoreFlowsThenAddress_AndLimitKeepsTheShareOfTheWholeWindow()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "10.0.0.2", Bytes = 500 },
            new Flow { Src = "10.0.0.1", Bytes = 500 },
            new Flow { Src = "10.0.0.3", Bytes = 250 },
            new Flow { Src = "10.0.0.3", Bytes = 250 });

        var result = await warehouse.RunAsync("top-talkers", new { limit = 2 }, From, To);

        Assert.Equal(["10.0.0.3", "10.0.0.1"], result.Column("srcaddr"));
        Assert.Equal([500d / 1500, 500d / 1500], result.Column("byte_share"));
    }
}
