namespace FlowLogWarehouse.Reports.Tests;

public sealed class TopTalkersPacketsReportTests
{
    private const string Nat = "eni-0000000000000a7a7";

    /// <summary>
    /// An instance (10.0.1.5) downloads from 203.0.113.5 through a NAT gateway (10.0.0.220), as the NAT gateway's
    /// interface records it (AWS's example): the reply leaves the NAT with srcaddr = the NAT, pkt-srcaddr = the server.
    /// </summary>
    private static readonly Flow[] NatDownload =
    [
        new() { Eni = Nat, Instance = null, Src = "10.0.1.5", Dst = "10.0.0.220", PktDst = "203.0.113.5", Packets = 10, Bytes = 800 },
        new() { Eni = Nat, Instance = null, Src = "10.0.0.220", Dst = "203.0.113.5", Packets = 10, Bytes = 800 },
        new() { Eni = Nat, Instance = null, Src = "203.0.113.5", Dst = "10.0.0.220", Packets = 50, Bytes = 60000 },
        new() { Eni = Nat, Instance = null, Src = "10.0.0.220", Dst = "10.0.1.5", PktSrc = "203.0.113.5", Packets = 50, Bytes = 60000 },
    ];

    [Fact]
    public async Task TopTalkersPackets_CreditsTheOriginalSource_NotTheNatGateway()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(NatDownload);

        var result = await warehouse.RunAsync("top-talkers-packets", from: "2026-11-02", to: "2026-11-03");

        // 10.0.0.220 and 10.0.1.5 tie on packets and bytes: the address breaks the tie.
        Assert.Equal(["203.0.113.5", "10.0.0.220", "10.0.1.5"], result.Column("pkt_srcaddr"));
        Assert.Equal([2L, 1L, 1L], result.Column("flows"));
        Assert.Equal([100L, 10L, 10L], result.Column("packets"));
        Assert.Equal([120000L, 800L, 800L], result.Column("bytes"));
        Assert.Equal([2L, 1L, 1L], result.Column("distinct_peers"));
        Assert.Equal([100d / 120, 10d / 120, 10d / 120], result.Column("packet_share"));
    }

    [Fact]
    public async Task TopTalkersPackets_Limit_CapsTheRows()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(NatDownload);

        var result = await warehouse.RunAsync("top-talkers-packets", new { limit = 1 }, "2026-11-02", "2026-11-03");

        Assert.Equal(["203.0.113.5"], result.Column("pkt_srcaddr"));
    }
}
