using FlowLogWarehouse.Loader.Sources;

namespace FlowLogWarehouse.Loader.Tests.S3;

public sealed class DeliveryDaysTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void Parse_NoneMeansEverything() => Assert.Null(DeliveryDays.Parse(null, null, Today));

    [Fact]
    public void Parse_DatesAreInclusive()
    {
        var days = DeliveryDays.Parse("2026-11-01", "2026-11-03", Today)!;
        Assert.Equal([new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3)], days.Days());
        Assert.True(days.Contains(new DateOnly(2026, 11, 3)));
        Assert.False(days.Contains(new DateOnly(2026, 11, 4)));
    }

    [Fact]
    public void Parse_DaysBackAndDefaultToToday()
    {
        Assert.Equal(new DeliveryDays(new DateOnly(2026, 11, 25), Today), DeliveryDays.Parse("-2d", null, Today));
        Assert.Equal(new DeliveryDays(Today, Today), DeliveryDays.Parse("0d", null, Today));
    }

    [Theory]
    [InlineData("yesterday", null, "--from 'yesterday' is not a date")]
    [InlineData("2026-11-05", "2026-11-01", "--to 2026-11-01 is before --from 2026-11-05")]
    [InlineData(null, "2026-11-01", "--to needs --from")]
    [InlineData("+2d", null, "is not a date")]
    [InlineData("2026-02-30", null, "is not a date")]
    public void Parse_MistakesAreNamed(string? from, string? to, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => DeliveryDays.Parse(from, to, Today));
        Assert.Contains(message, e.Message);
    }
}
