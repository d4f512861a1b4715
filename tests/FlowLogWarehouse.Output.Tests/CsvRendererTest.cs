using FlowLogWarehouse.Output.Tests.Fixtures;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output.Tests;

public class CsvRendererTest
{
    private static async Task<string> CsvAsync(ListResult result)
    {
        var text = new StringWriter();
        await CsvRenderer.WriteAsync(result.Columns, result.ReadRowsAsync(default), text);
        return text.ToString();
    }

    [Fact]
    public async Task Write_EveryKind_IsExactInvariantText()
    {
        var expected =
            "name,flows,bytes,ratio,cost,ok,day,at,tags\n" +
            "plain,1234567,532,0.1,1.50,true,2024-03-01,2024-03-01T12:34:56Z,\"[a, b]\"\n" +
            "\"comma, \"\"quoted\"\"\nnext line\",9223372036854775807,1258291,1234.5678,-0.001,false,1999-12-31,2024-03-01T12:34:56.789Z,\n" +
            "héllo ✓ 日本,-42,4294967296,1E-07,79228162514264337593543950335,,,,\"\"\n" +
            ",,,,,,,,\n";
        Assert.Equal(expected, await CsvAsync(Samples.EveryKind()));
    }

    [Fact]
    public async Task Write_NoRows_IsTheHeaderOnly() =>
        Assert.Equal("a,\"b,c\"\n", await CsvAsync(new ListResult(("a", ValueKind.Integer), ("b,c", ValueKind.String))));

    [Fact]
    public async Task Write_CarriageReturn_IsQuoted() =>
        Assert.Equal("s\n\"a\rb\"\n", await CsvAsync(new ListResult(("s", ValueKind.String)).With(["a\rb"])));

    [Fact]
    public async Task Write_DoubleExtremes_RoundTrip()
    {
        double[] values = [0.1 + 0.2, double.Epsilon, double.MaxValue, -0.0, double.NaN, double.PositiveInfinity];
        var result = new ListResult(("d", ValueKind.Double)).With([.. values.Select(v => new object?[] { v })]);
        var lines = (await CsvAsync(result)).Split('\n')[1..^1];
        Assert.Equal(["0.30000000000000004", "5E-324", "1.7976931348623157E+308", "-0", "NaN", "Infinity"], lines);
        Assert.Equal(values, lines.Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Write_TimestampFractions_KeepOnlySignificantDigits()
    {
        var result = new ListResult(("t", ValueKind.Timestamp)).With(
            [Samples.At.AddTicks(1)],
            [Samples.At.AddMilliseconds(100)],
            [Samples.At.AddTicks(1234560)]);
        Assert.Equal("t\n2024-03-01T12:34:56.0000001Z\n2024-03-01T12:34:56.1Z\n2024-03-01T12:34:56.123456Z\n", await CsvAsync(result));
    }

    [Fact]
    public async Task Write_ManyRows_StreamsThemAll()
    {
        var result = new ListResult(("n", ValueKind.Integer)).With([.. Enumerable.Range(0, 20_000).Select(i => new object?[] { (long)i })]);
        var lines = (await CsvAsync(result)).Split('\n');
        Assert.Equal(20_002, lines.Length);
        Assert.Equal("19999", lines[^2]);
    }
}
