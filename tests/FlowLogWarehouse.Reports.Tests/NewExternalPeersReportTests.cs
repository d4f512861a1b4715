using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Reports.Tests;

/// <summary>The window is 2026-11-09; the default baseline is the seven days before it, 2026-11-02 to 2026-11-09.</summary>
public sealed class NewExternalPeersReportTests
{
    private const string From = "2026-11-09";
    private const string To = "2026-11-10";
    private static readonly DateTimeOffset Window = new(2026, 11, 9, 10, 0, 0, TimeSpan.Zero);

    private static Flow Inbound(string peer, DateTimeOffset start, string local = "10.0.1.10", long bytes = 100, string action = "ACCEPT") =>
        new() { Src = peer, Dst = local, Start = start, Bytes = bytes, Action = action };

    private static Flow Outbound(string peer, DateTimeOffset start, string local = "10.0.1.10", long bytes = 1000) =>
        new() { Src = local, Dst = peer, Start = start, Bytes = bytes };

    [Fact]
    public async Task NewExternalPeers_AreThePublicPeersAbsentFromTheBaseline()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            // New: talks both ways with two local addresses.
            Inbound("203.0.113.5", Window), Outbound("203.0.113.5", Window.AddMinutes(1)), Inbound("203.0.113.5", Window.AddMinutes(2), local: "10.0.1.11"),
            // New: only ever the destination; IPv6.
            Outbound("2001:db8::7", Window.AddHours(1), bytes: 40),
            // New: only rejected probes.
            Inbound("198.51.100.9", Window.AddHours(2), action: "REJECT"),
            // Known: seen 3 days before the window.
            Inbound("192.0.2.1", Window.AddDays(-3)), Inbound("192.0.2.1", Window),
            // Private, shared, loopback, link-local and unique-local peers are never external.
            Inbound("10.9.9.9", Window), Inbound("172.16.5.5", Window), Inbound("172.31.0.1", Window), Inbound("192.168.1.1", Window),
            Inbound("100.64.0.1", Window), Inbound("100.127.255.1", Window), Inbound("127.0.0.1", Window), Inbound("169.254.169.254", Window),
            Inbound("fd12:3456::1", Window), Inbound("fe80::1", Window), Inbound("::1", Window));

        var result = await warehouse.RunAsync("new-external-peers", from: From, to: To);

        Assert.Equal(["203.0.113.5", "2001:db8::7", "198.51.100.9"], result.Column("peer"));
        Assert.Equal(["both", "outbound", "inbound"], result.Column("direction"));
        Assert.Equal([Window.UtcDateTime, Window.AddHours(1).UtcDateTime, Window.AddHours(2).UtcDateTime], result.Column("first_seen"));
        Assert.Equal([3L, 1L, 1L], result.Column("flows"));
        Assert.Equal([3L, 1L, 0L], result.Column("accepted_flows"));
        Assert.Equal([1200L, 40L, 100L], result.Column("bytes"));
        Assert.Equal([2L, 1L, 1L], result.Column("local_addresses"));
    }

    [Fact]
    public async Task BaselineDays_APeerSeen8DaysBefore_IsNewFor7Days_ButNotFor10()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            Inbound("203.0.113.8", Window.AddDays(-8)), Inbound("203.0.113.8", Window),
            Outbound("203.0.113.3", Window.AddDays(-3)), Inbound("203.0.113.3", Window));

        var week = await warehouse.RunAsync("new-external-peers", from: From, to: To);
        var tenDays = await warehouse.RunAsync("new-external-peers", new { baseline_days = 10 }, From, To);

        Assert.Equal(["203.0.113.8"], week.Column("peer"));
        Assert.Equal(0, tenDays.Count);
    }

    [Fact]
    public async Task Baseline_OpensOnlyItsOwnDaysFiles()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            Inbound("203.0.113.8", Window.AddDays(-8)), Inbound("203.0.113.3", Window.AddDays(-3)), Inbound("203.0.113.8", Window));
        // The file of 2026-11-01 becomes garbage: a seven-day baseline never reads it, a ten-day one must.
        foreach (var file in Directory.GetFiles(Path.Combine(warehouse.Path, "AWSLogs"), "*.parquet", SearchOption.AllDirectories)
                     .Where(f => f.Contains($"{Path.DirectorySeparatorChar}day=01{Path.DirectorySeparatorChar}")))
            await File.WriteAllTextAsync(file, "not parquet");

        var week = await warehouse.RunAsync("new-external-peers", from: From, to: To);

        Assert.Equal(["203.0.113.8"], week.Column("peer"));
        await Assert.ThrowsAsync<QueryException>(() => warehouse.RunAsync("new-external-peers", new { baseline_days = 10 }, From, To));
    }
}
