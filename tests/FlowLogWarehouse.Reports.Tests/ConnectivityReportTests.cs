namespace FlowLogWarehouse.Reports.Tests;

/// <summary>Host 10.0.1.10 serves 443; each peer's records are what the interfaces really log for its traffic.</summary>
public sealed class ConnectivityReportTests
{
    private const string Host = "10.0.1.10";
    private const string HostEni = "eni-0a0a0a0a0a0a0a0a0";
    private static readonly DateTimeOffset At = Flow.Day2.AddHours(10);

    // peer:ephemeral -> host:443, seen inbound on the host's interface (or outbound on the peer's).
    private static Flow Request(string peer, string action, int minute = 0, string eni = HostEni, string direction = "ingress") => new()
    {
        Eni = eni, Src = peer, SrcPort = 50000, Dst = Host, DstPort = 443, Action = action, Bytes = 100, Start = At.AddMinutes(minute), Direction = direction,
    };

    // host:443 -> peer:ephemeral, the response.
    private static Flow Reply(string peer, string action, int minute = 0, string eni = HostEni, string direction = "egress") => new()
    {
        Eni = eni, Src = Host, SrcPort = 443, Dst = peer, DstPort = 50000, Action = action, Bytes = 5000, Start = At.AddMinutes(minute), Direction = direction,
    };

    [Fact]
    public async Task Connectivity_DiagnosesEachPeer_ProblemsFirst_AndIgnoresOtherPortsAndTheHostAsClient()
    {
        const string peerEni = "eni-0b0b0b0b0b0b0b0b0";
        await using var warehouse = await ReportWarehouse.LoadAsync(
            // 10.0.2.20 works, and its own interface is logged too: each direction appears on both interfaces.
            Request("10.0.2.20", "ACCEPT"), Reply("10.0.2.20", "ACCEPT", minute: 1),
            Request("10.0.2.20", "ACCEPT", eni: peerEni, direction: "egress"), Reply("10.0.2.20", "ACCEPT", minute: 1, eni: peerEni, direction: "ingress"),
            // 198.51.100.7 is turned away at the door: no reply exists.
            Request("198.51.100.7", "REJECT", minute: 2), Request("198.51.100.7", "REJECT", minute: 7),
            // 10.0.3.30 gets in, but the answer is dropped on its way out.
            Request("10.0.3.30", "ACCEPT", minute: 3), Reply("10.0.3.30", "REJECT", minute: 3),
            // 10.0.4.40's connection began before the window: only its replies fall inside.
            Reply("10.0.4.40", "ACCEPT", minute: 4),
            // Not host:443 at all: SSH to the host, the host calling out to someone else's 443, another server's 443.
            new Flow { Src = "198.51.100.7", Dst = Host, DstPort = 22, Action = "REJECT", Start = At },
            new Flow { Src = Host, SrcPort = 50001, Dst = "203.0.113.9", DstPort = 443, Start = At },
            new Flow { Src = "198.51.100.7", Dst = "10.0.1.11", DstPort = 443, Action = "REJECT", Start = At });

        var result = await warehouse.RunAsync("connectivity", new { host = Host, port = 443 }, "2026-11-02", "2026-11-03");

        Assert.Equal(["198.51.100.7", "10.0.3.30", "10.0.4.40", "10.0.2.20"], result.Column("peer"));
        Assert.Equal([0L, 1L, 0L, 2L], result.Column("requests_accepted"));
        Assert.Equal([2L, 0L, 0L, 0L], result.Column("requests_rejected"));
        Assert.Equal([0L, 0L, 1L, 2L], result.Column("replies_accepted"));
        Assert.Equal([0L, 1L, 0L, 0L], result.Column("replies_rejected"));
        Assert.Equal([200L, 100L, 0L, 200L], result.Column("request_bytes"));
        Assert.Equal([0L, 5000L, 5000L, 10000L], result.Column("reply_bytes"));
        Assert.Equal(At.AddMinutes(2).UtcDateTime, result[0, "first_seen"]);
        Assert.Equal(At.AddMinutes(8).UtcDateTime, result[0, "last_seen"]);
        Assert.Equal(
        [
            "request rejected (security group or network ACL inbound)",
            "reply rejected: request accepted but the response was dropped — a stateless network ACL likely blocks the return (ephemeral) ports",
            "replies only: no request in the window (the connection began earlier, or the host initiated it from this port)",
            "ok",
        ], result.Column("diagnosis"));
    }

    [Fact]
    public async Task Connectivity_PeerParameter_KeepsOnePeer_AndAnUnansweredRequestIsNoReply()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            Request("10.0.2.20", "ACCEPT"), Request("10.0.2.20", "ACCEPT", minute: 5),
            Request("10.0.5.50", "REJECT"));

        var result = await warehouse.RunAsync("connectivity", new { host = Host, port = 443, peer = "10.0.2.20" }, "2026-11-02", "2026-11-03");

        Assert.Equal(["10.0.2.20"], result.Column("peer"));
        Assert.Equal(2L, result[0, "requests_accepted"]);
        Assert.Equal(0L, result[0, "replies_accepted"]);
        Assert.Equal("no reply: request accepted but the host never answered (service down, host firewall, or the reply took another path)", result[0, "diagnosis"]);
    }

    [Fact]
    public async Task Connectivity_SomeRequestsRejected_RanksBeforeOk_AndPortMustMatch()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            Request("10.0.2.20", "ACCEPT"), Reply("10.0.2.20", "ACCEPT"),
            Request("10.0.6.60", "ACCEPT"), Reply("10.0.6.60", "ACCEPT"), Request("10.0.6.60", "REJECT", minute: 30));

        var result = await warehouse.RunAsync("connectivity", new { host = Host, port = 443 }, "2026-11-02", "2026-11-03");
        var otherPort = await warehouse.RunAsync("connectivity", new { host = Host, port = 8443 }, "2026-11-02", "2026-11-03");

        Assert.Equal(["10.0.6.60", "10.0.2.20"], result.Column("peer"));
        Assert.StartsWith("some requests rejected (security group or network ACL inbound), others accepted", (string)result[0, "diagnosis"]!);
        Assert.Equal(0, otherPort.Count);
    }
}
