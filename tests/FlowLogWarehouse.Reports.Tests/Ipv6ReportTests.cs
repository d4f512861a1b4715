namespace FlowLogWarehouse.Reports.Tests;

public sealed class Ipv6ReportTests
{
    private const string From = "2026-11-02", To = "2026-11-03";

    [Fact]
    public async Task Ipv6_TopPairsByBytes_LeavesIPv4AndNoDataOut()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "2001:db8::10", Dst = "2001:db8::20", Type = "IPv6", Bytes = 300, Packets = 3 },
            new Flow { Src = "2001:db8::10", Dst = "2001:db8::20", Type = "IPv6", Bytes = 200, Packets = 2 },
            new Flow { Src = "2600:1f18::1", Dst = "2001:db8::20", Type = "IPv6", Bytes = 4000, Packets = 8 },
            new Flow { Src = "fe80::1", Dst = "fe80::2", Type = "IPv6", Bytes = 100, Packets = 1 },
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", Bytes = 90_000 },
            Flow.Status("NODATA", "eni-0a1b2c3d4e5f60001", Flow.Day2.AddHours(10)));

        var result = await warehouse.RunAsync("ipv6", from: From, to: To);

        Assert.Equal(["2600:1f18::1", "2001:db8::10", "fe80::1"], result.Column("srcaddr"));
        Assert.Equal(["2001:db8::20", "2001:db8::20", "fe80::2"], result.Column("dstaddr"));
        Assert.Equal([1L, 2L, 1L], result.Column("flows"));
        Assert.Equal([8L, 5L, 1L], result.Column("packets"));
        Assert.Equal([4000L, 500L, 100L], result.Column("bytes"));

        Assert.Equal(["2600:1f18::1", "2001:db8::10"], (await warehouse.RunAsync("ipv6", new { limit = 2 }, From, To)).Column("srcaddr"));
    }

    [Fact]
    public async Task Ipv6_WorksOnAVersion2Warehouse_WithoutTheTypeField()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(Version2.Format, Version2.Lines(
            new Flow { Src = "10.0.1.10", Bytes = 700 },
            new Flow { Src = "2001:db8::10", Dst = "2001:db8::20", Bytes = 900 }));

        var result = await warehouse.RunAsync("ipv6", from: From, to: To);

        Assert.Equal(["2001:db8::10"], result.Column("srcaddr"));
        Assert.Equal([900L], result.Column("bytes"));
    }
}
