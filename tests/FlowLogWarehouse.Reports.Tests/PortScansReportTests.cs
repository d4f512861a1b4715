namespace FlowLogWarehouse.Reports.Tests;

public sealed class PortScansReportTests
{
    private static readonly DateTimeOffset At = Flow.Day2.AddHours(3);

    private static Flow Reject(string src, string dst, int port, int second = 0) =>
        new() { Src = src, Dst = dst, DstPort = port, Action = "REJECT", Start = At.AddSeconds(second) };

    [Fact]
    public async Task PortScans_FlagsPortScansAndHostSweeps_NotBusyClientsOrAFewRejects()
    {
        // 203.0.113.5 tries 25 ports on one host (port 100 twice); 198.51.100.7 knocks on port 22 of 30 hosts.
        var scan = Enumerable.Range(0, 25).Select(i => Reject("203.0.113.5", "10.0.1.10", 100 + i, i))
            .Append(Reject("203.0.113.5", "10.0.1.10", 100, 90));
        var sweep = Enumerable.Range(1, 30).Select(i => Reject("198.51.100.7", $"10.0.2.{i}", 22, i));
        // A busy client: thousands of accepted flows to one port, and a single reject of its own.
        var busy = Enumerable.Range(0, 3000).Select(i => new Flow { Src = "10.0.3.30", DstPort = 443, Start = At.AddSeconds(i) })
            .Append(Reject("10.0.3.30", "10.0.2.20", 8443));
        // A source with a few rejects on a few ports and hosts, and a client retrying one blocked port 50 times.
        var few = Enumerable.Range(0, 5).Select(i => Reject("192.0.2.44", $"10.0.4.{i}", 3389 + i));
        var retries = Enumerable.Range(0, 50).Select(i => Reject("10.0.5.50", "10.0.1.10", 5432, i));
        await using var warehouse = await ReportWarehouse.LoadAsync([.. scan, .. sweep, .. busy, .. few, .. retries]);

        var result = await warehouse.RunAsync("port-scans", from: "2026-11-02", to: "2026-11-03");

        Assert.Equal(["203.0.113.5", "198.51.100.7"], result.Column("srcaddr"));
        Assert.Equal([25L, 1L], result.Column("rejected_ports"));
        Assert.Equal([1L, 30L], result.Column("rejected_hosts"));
        Assert.Equal([26L, 30L], result.Column("rejected_flows"));
        Assert.Equal(["100,101,102,103,104,105,106,107,108,109", "22"], result.Column("sample_ports"));
        Assert.Equal(At.UtcDateTime, result[0, "first_seen"]);
        Assert.Equal(At.AddSeconds(90 + 60).UtcDateTime, result[0, "last_seen"]);
    }

    [Fact]
    public async Task PortScans_Thresholds_AreParameters_AndLimitCapsTheRows()
    {
        var flows = new[] { "192.0.2.1", "192.0.2.2", "192.0.2.3" }
            .SelectMany((src, n) => Enumerable.Range(0, 3 + n).Select(i => Reject(src, "10.0.1.10", 1000 + i)))
            .ToArray();
        await using var warehouse = await ReportWarehouse.LoadAsync(flows);

        var lowered = await warehouse.RunAsync("port-scans", new { min_ports = 4, min_hosts = 99 }, "2026-11-02", "2026-11-03");
        var limited = await warehouse.RunAsync("port-scans", new { min_ports = 1, limit = 1 }, "2026-11-02", "2026-11-03");

        Assert.Equal(["192.0.2.3", "192.0.2.2"], lowered.Column("srcaddr"));
        Assert.Equal([5L, 4L], lowered.Column("rejected_ports"));
        Assert.Equal(["192.0.2.3"], limited.Column("srcaddr"));
    }
}
