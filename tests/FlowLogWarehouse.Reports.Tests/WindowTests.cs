using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Reports.Tests;

/// <summary>--from/--to: parsing, the default window, and partition pruning that really skips other days' files.</summary>
public sealed class WindowTests
{
    private static readonly DateTimeOffset Latest = new(2026, 11, 3, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Default_IsThe24HoursUpToTheEndOfTheNewestHour()
    {
        var window = WindowArguments.Resolve(null, null, Latest);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 18, 0, 0, TimeSpan.Zero), window.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 18, 0, 0, TimeSpan.Zero), window.To);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-02", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z")]
    [InlineData("2026-11-01T05", "2026-11-01T06:30", "2026-11-01T05:00:00Z", "2026-11-01T06:30:00Z")]
    [InlineData("2026-11-01 05:00:00+02:00", "2026-11-01T05:00:00Z", "2026-11-01T03:00:00Z", "2026-11-01T05:00:00Z")]
    [InlineData("-6h", "2026-11-02", "2026-11-01T18:00:00Z", "2026-11-02T00:00:00Z")]
    [InlineData("-7d", null, "2026-10-27T18:00:00Z", "2026-11-03T18:00:00Z")]
    [InlineData("2026-11-03T12:00", null, "2026-11-03T12:00:00Z", "2026-11-03T18:00:00Z")]
    public void FromTo_AcceptDatesTimesAndSpans(string? from, string? to, string expectedFrom, string expectedTo)
    {
        var window = WindowArguments.Resolve(from, to, Latest);
        Assert.Equal(expectedFrom, TimeWindow.Format(window.From));
        Assert.Equal(expectedTo, TimeWindow.Format(window.To));
    }

    [Theory]
    [InlineData("yesterday", null, "--from 'yesterday' is not a UTC date or time")]
    [InlineData(null, "11/02/2026", "--to '11/02/2026' is not a UTC date or time")]
    [InlineData("2026-11-02", "2026-11-01", "the time window is empty")]
    public void BadWindows_AreClearErrors(string? from, string? to, string message)
    {
        Assert.Contains(message, Assert.Throws<ReportException>(() => WindowArguments.Resolve(from, to, Latest)).Message);
    }

    [Fact]
    public async Task OneDayReport_OnAMultiDayWarehouse_OpensOnlyThatDaysFiles()
    {
        var flows = Enumerable.Range(0, 4).SelectMany(day => Enumerable.Range(0, 24).Select(hour =>
            new Flow { Start = Flow.Day2.AddDays(day - 1).AddHours(hour), Bytes = 1000 + day })).ToArray();
        await using var warehouse = await ReportWarehouse.LoadAsync(flows);
        var files = Directory.GetFiles(Path.Combine(warehouse.Path, "AWSLogs"), "*.parquet", SearchOption.AllDirectories);
        Assert.Equal(96, files.Length);

        // Every file outside 2026-11-02 becomes garbage: reading any of them would fail the query.
        foreach (var file in files.Where(f => !f.Contains($"{Path.DirectorySeparatorChar}day=02{Path.DirectorySeparatorChar}")))
            await File.WriteAllTextAsync(file, "not parquet");

        var result = await warehouse.RunAsync("hourly", from: "2026-11-02", to: "2026-11-03");
        Assert.Equal(24, result.Count);
        Assert.All(result.Column("bytes"), b => Assert.Equal(1001L, b));

        // The same report over two days has to open a broken file, and says so: the check above could fail.
        await Assert.ThrowsAsync<QueryException>(() => warehouse.RunAsync("hourly", from: "2026-11-02", to: "2026-11-04"));
    }

    [Fact]
    public async Task WindowInsideAnHour_KeepsExactlyItsFlows()
    {
        var at = Flow.Day2.AddHours(7);
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Start = at.AddMinutes(10), Bytes = 1 },
            new Flow { Start = at.AddMinutes(20), Bytes = 10 },
            new Flow { Start = at.AddMinutes(30), Bytes = 100 });

        var result = await warehouse.RunAsync("hourly", from: "2026-11-02T07:15", to: "2026-11-02T07:30");

        Assert.Equal([10L], result.Column("bytes"));
    }
}
