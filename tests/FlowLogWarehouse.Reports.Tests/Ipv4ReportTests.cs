namespace FlowLogWarehouse.Reports.Tests;

public sealed class Ipv4ReportTests
{
    private const string From = "2026-11-02", To = "2026-11-03";

    [Fact]
    public async Task Ipv4_TopPairsByBytes_LeavesIPv6AndNoDataOut()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", Bytes = 300, Packets = 3 },
            new Flow { Src = "10.0.1.10", Dst = "10.0.2.20", Bytes = 200, Packets = 2, Action = "REJECT" },
            new Flow { Src = "10.0.1.11", Dst = "203.0.113.9", Bytes = 1000, Packets = 4 },
            // Same bytes as the pair above, fewer packets: ranks after it.
            new Flow { Src = "10.0.1.12", Dst = "203.0.113.9", Bytes = 1000, Packets = 1 },
            new Flow { Src = "2001:db8::10", Dst = "2001:db8::20", Type = "IPv6", Bytes = 50_000 },
            Flow.Status("NODATA", "eni-0a1b2c3d4e5f60001", Flow.Day2.AddHours(10)));

        var result = await warehouse.RunAsync("ipv4", from: From, to: To);

        Assert.Equal(["10.0.1.11", "10.0.1.12", "10.0.1.10"], result.Column("srcaddr"));
        Assert.Equal(["203.0.113.9", "203.0.113.9", "10.0.2.20"], result.Column("dstaddr"));
        Assert.Equal([1L, 1L, 2L], result.Column("flows"));
        Assert.Equal([4L, 1L, 5L], result.Column("packets"));
        Assert.Equal([1000L, 1000L, 500L], result.Column("bytes"));

        Assert.Equal(["10.0.1.11"], (await warehouse.RunAsync("ipv4", new { limit = 1 }, From, To)).Column("srcaddr"));
    }

    [Fact]
    public async Task Ipv4_WorksOnAVersion2Warehouse_WithoutTheTypeField()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(Version2.Format, Version2.Lines(
            new Flow { Src = "10.0.1.10", Bytes = 700 },
            new Flow { Src = "2001:db8::10", Dst = "2001:db8::20", Bytes = 900 }));

        var result = await warehouse.RunAsync("ipv4", from: From, to: To);

        Assert.Equal(["10.0.1.10"], result.Column("srcaddr"));
        Assert.Equal([700L], result.Column("bytes"));
    }
}

/// <summary>Flows written in the default (version 2) format: 14 fields, no type, no tcp-flags.</summary>
internal static class Version2
{
    public static readonly string[] Format = Flow.Format[..14];

    public static IEnumerable<string> Lines(params Flow[] flows) =>
        flows.Select(f => string.Join(' ', f.Line().Split(' ').Take(14).Skip(1).Prepend("2")));
}
