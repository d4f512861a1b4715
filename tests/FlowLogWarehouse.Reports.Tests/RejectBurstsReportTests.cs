namespace FlowLogWarehouse.Reports.Tests;

public sealed class RejectBurstsReportTests
{
    private static readonly DateTimeOffset At = Flow.Day2.AddHours(3);

    private static Flow Reject(string src, DateTimeOffset start, int port = 22, string dst = "10.0.1.10") =>
        new() { Src = src, Dst = dst, DstPort = port, Action = "REJECT", Start = start };

    [Fact]
    public async Task RejectBursts_FlagsManyRejectsInFiveMinutes_NotTheSameNumberSpreadOverHours()
    {
        // 203.0.113.5: 120 rejects within 03:05-03:10 (on 4 ports of 3 hosts), then 10 more at 03:10.
        var burst = Enumerable.Range(0, 120).Select(i => Reject("203.0.113.5", At.AddMinutes(5).AddSeconds(i * 2), 22 + i % 4, $"10.0.1.{i % 3}"))
            .Concat(Enumerable.Range(0, 10).Select(i => Reject("203.0.113.5", At.AddMinutes(10).AddSeconds(i))));
        // 198.51.100.7: 150 rejects too, one every two minutes over five hours.
        var thin = Enumerable.Range(0, 150).Select(i => Reject("198.51.100.7", At.AddMinutes(2 * i)));
        // 192.0.2.9: 150 accepted flows in one minute.
        var accepted = Enumerable.Range(0, 150).Select(i => new Flow { Src = "192.0.2.9", Start = At.AddSeconds(i / 3) });
        await using var warehouse = await ReportWarehouse.LoadAsync([.. burst, .. thin, .. accepted]);

        var result = await warehouse.RunAsync("reject-bursts", from: "2026-11-02", to: "2026-11-03");

        Assert.Equal(1, result.Count);
        Assert.Equal("203.0.113.5", result[0, "srcaddr"]);
        Assert.Equal(At.AddMinutes(5).UtcDateTime, result[0, "burst_start"]);
        Assert.Equal(120L, result[0, "rejected_flows"]);
        Assert.Equal(4L, result[0, "rejected_ports"]);
        Assert.Equal(3L, result[0, "rejected_hosts"]);
        Assert.Equal(At.AddMinutes(5).UtcDateTime, result[0, "first_seen"]);
        Assert.Equal(At.AddMinutes(5).AddSeconds(238 + 60).UtcDateTime, result[0, "last_seen"]);
    }

    [Fact]
    public async Task RejectBursts_MinRejects_LowersTheBar_OrderedByCountThenTime()
    {
        var flows = Enumerable.Range(0, 3).Select(i => Reject("198.51.100.7", At.AddSeconds(i)))
            .Concat(Enumerable.Range(0, 3).Select(i => Reject("203.0.113.5", At.AddMinutes(20).AddSeconds(i))))
            .Concat(Enumerable.Range(0, 4).Select(i => Reject("192.0.2.1", At.AddHours(1).AddSeconds(i))))
            .Concat([Reject("192.0.2.2", At)])
            .ToArray();
        await using var warehouse = await ReportWarehouse.LoadAsync(flows);

        var result = await warehouse.RunAsync("reject-bursts", new { min_rejects = 3 }, "2026-11-02", "2026-11-03");

        Assert.Equal(["192.0.2.1", "198.51.100.7", "203.0.113.5"], result.Column("srcaddr"));
        Assert.Equal([4L, 3L, 3L], result.Column("rejected_flows"));
        Assert.Equal([At.AddHours(1).UtcDateTime, At.UtcDateTime, At.AddMinutes(20).UtcDateTime], result.Column("burst_start"));
    }
}
