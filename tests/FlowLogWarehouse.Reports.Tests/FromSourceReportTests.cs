namespace FlowLogWarehouse.Reports.Tests;

public sealed class FromSourceReportTests
{
    private const string From = "2026-11-02", To = "2026-11-03";

    [Fact]
    public async Task FromSource_ShowsEverythingTheSourceSent_ByDestinationPortProtocolAndAction()
    {
        var at = Flow.Day2.AddHours(6);
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", DstPort = 443, Bytes = 1000, Start = at },
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", DstPort = 443, Bytes = 2000, Start = at.AddMinutes(15) },
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", DstPort = 443, Bytes = 60, Action = "REJECT", Start = at },
            new Flow { Src = "10.0.1.10", Dst = "10.0.3.30", DstPort = 53, Protocol = 17, Bytes = 300, Start = at },
            // Another source, traffic *to* the source, and the source outside the window: none of these.
            new Flow { Src = "10.0.1.11", Dst = "10.0.2.20", DstPort = 443, Bytes = 50_000 },
            new Flow { Src = "10.0.2.20", Dst = "10.0.1.10", DstPort = 49152, Bytes = 60_000 },
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", DstPort = 443, Bytes = 70_000, Start = Flow.Day2.AddDays(-1) });

        var result = await warehouse.RunAsync("from-source", new { srcaddr = "10.0.1.10" }, From, To);

        Assert.Equal(["10.0.2.20", "10.0.3.30", "10.0.2.20"], result.Column("dstaddr"));
        Assert.Equal([443L, 53L, 443L], result.Column("dstport"));
        Assert.Equal(["tcp", "udp", "tcp"], result.Column("protocol"));
        Assert.Equal(["ACCEPT", "ACCEPT", "REJECT"], result.Column("action"));
        Assert.Equal([2L, 1L, 1L], result.Column("flows"));
        Assert.Equal([3000L, 300L, 60L], result.Column("bytes"));
        Assert.Equal(new DateTime(2026, 11, 2, 6, 0, 0, DateTimeKind.Utc), result[0, "first_seen"]);
        Assert.Equal(new DateTime(2026, 11, 2, 6, 16, 0, DateTimeKind.Utc), result[0, "last_seen"]);
    }

    [Fact]
    public async Task FromSource_IPv6Source_IsMatchedInCanonicalForm_AndLimitCaps()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "2001:db8::10", Dst = "2001:db8::20", Bytes = 500 },
            new Flow { Src = "2001:db8::10", Dst = "2001:db8::30", Bytes = 400 },
            new Flow { Src = "2001:db8::11", Dst = "2001:db8::20", Bytes = 900 });

        var result = await warehouse.RunAsync("from-source", new { srcaddr = "2001:DB8:0::10", limit = 1 }, From, To);

        Assert.Equal(["2001:db8::20"], result.Column("dstaddr"));
        Assert.Equal([500L], result.Column("bytes"));
    }

    [Fact]
    public async Task FromSource_WithoutSrcaddr_IsRefused()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(new Flow());

        var error = await Assert.ThrowsAsync<ReportException>(() => warehouse.RunAsync("from-source", from: From, to: To));

        Assert.Contains("needs --param srcaddr=<ip>", error.Message);
    }
}
