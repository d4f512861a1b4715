namespace FlowLogWarehouse.Reports.Tests;

public sealed class AdminPortsReportTests
{
    private const string From = "2026-11-02", To = "2026-11-03";

    [Fact]
    public async Task AdminPorts_KeepsPublicSourcesOnly_IPv4AndIPv6()
    {
        string[] inside =
        [
            "10.1.2.3", "172.16.0.5", "172.31.255.1", "192.168.1.1", "100.64.0.1", "100.127.255.254", "127.0.0.1",
            "169.254.169.254", "fd12:3456:789a::1", "FC00:1::1", "fe80::1", "febf::1", "::1",
        ];
        string[] outside =
        [
            "11.0.0.1", "100.128.0.1", "100.63.255.255", "172.15.0.1", "172.32.0.1", "192.169.0.1", "203.0.113.5",
            "2001:db8::5", "fe00::1", "fec0::1", "fc::1",
        ];
        await using var warehouse = await ReportWarehouse.LoadAsync(
            inside.Concat(outside).Select(src => new Flow { Src = src, DstPort = 22 })
                // A public source on another port is not remote administration.
                .Append(new Flow { Src = "198.51.100.99", DstPort = 443 })
                .Append(Flow.Status("NODATA", "eni-0a1b2c3d4e5f60001", Flow.Day2))
                .ToArray());

        var result = await warehouse.RunAsync("admin-ports", new { limit = 100 }, From, To);

        Assert.Equal(outside.Order(StringComparer.Ordinal), result.Column("srcaddr").Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AdminPorts_CountsAcceptedAndRejected_AcceptedFromOutsideFirst()
    {
        var at = Flow.Day2.AddHours(8);
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Src = "198.51.100.7", DstPort = 22, Action = "REJECT", Bytes = 60, Start = at },
            new Flow { Src = "198.51.100.7", DstPort = 22, Action = "REJECT", Bytes = 60, Start = at.AddMinutes(30) },
            new Flow { Src = "198.51.100.7", DstPort = 22, Action = "REJECT", Bytes = 60, Start = at.AddMinutes(40) },
            new Flow { Src = "203.0.113.5", DstPort = 3389, Action = "ACCEPT", Bytes = 5000, Start = at.AddMinutes(5) },
            new Flow { Src = "203.0.113.5", DstPort = 3389, Protocol = 17, Action = "ACCEPT", Bytes = 900, Start = at.AddMinutes(5) },
            new Flow { Src = "203.0.113.5", DstPort = 3389, Action = "REJECT", Bytes = 40, Start = at.AddMinutes(20) },
            new Flow { Src = "10.0.9.9", DstPort = 22, Action = "ACCEPT", Bytes = 70_000, Start = at });

        var result = await warehouse.RunAsync("admin-ports", from: From, to: To);

        Assert.Equal(["203.0.113.5", "203.0.113.5", "198.51.100.7"], result.Column("srcaddr"));
        Assert.Equal(["rdp", "rdp", "ssh"], result.Column("service"));
        Assert.Equal(["tcp", "udp", "tcp"], result.Column("protocol"));
        Assert.Equal([1L, 1L, 0L], result.Column("accepted_flows"));
        Assert.Equal([5000L, 900L, 0L], result.Column("accepted_bytes"));
        Assert.Equal([1L, 0L, 3L], result.Column("rejected_flows"));
        Assert.Equal([40L, 0L, 180L], result.Column("rejected_bytes"));
        Assert.Equal(new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc), result[2, "first_seen"]);
        Assert.Equal(new DateTime(2026, 11, 2, 8, 41, 0, DateTimeKind.Utc), result[2, "last_seen"]);
    }

    [Fact]
    public async Task AdminPorts_EniAndLimit()
    {
        const string eni = "eni-bbbbbbbbbbbbbbbbb";
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Eni = eni, Src = "203.0.113.1", DstPort = 22, Action = "REJECT" },
            new Flow { Eni = eni, Src = "203.0.113.2", DstPort = 22, Action = "ACCEPT" },
            new Flow { Eni = "eni-aaaaaaaaaaaaaaaaa", Src = "203.0.113.3", DstPort = 22, Action = "ACCEPT", Bytes = 90_000 });

        var result = await warehouse.RunAsync("admin-ports", new { eni, limit = 1 }, From, To);

        Assert.Equal(["203.0.113.2"], result.Column("srcaddr"));
    }
}
