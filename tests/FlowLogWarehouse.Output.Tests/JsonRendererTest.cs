using System.Text.Json;
using FlowLogWarehouse.Output.Tests.Fixtures;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output.Tests;

public class JsonRendererTest
{
    private static async Task<string> JsonAsync(ListResult result)
    {
        var text = new StringWriter();
        await JsonRenderer.WriteAsync(result.Columns, result.ReadRowsAsync(default), text);
        return text.ToString();
    }

    [Fact]
    public async Task Write_EveryKind_IsExactJsonOneRowPerLine()
    {
        var expected =
            "[\n" +
            "{\"name\":\"plain\",\"flows\":1234567,\"bytes\":532,\"ratio\":0.1,\"cost\":1.50,\"ok\":true,\"day\":\"2024-03-01\",\"at\":\"2024-03-01T12:34:56Z\",\"tags\":\"[a, b]\"},\n" +
            "{\"name\":\"comma, \\\"quoted\\\"\\nnext line\",\"flows\":9223372036854775807,\"bytes\":1258291,\"ratio\":1234.5678,\"cost\":-0.001,\"ok\":false,\"day\":\"1999-12-31\",\"at\":\"2024-03-01T12:34:56.789Z\",\"tags\":null},\n" +
            "{\"name\":\"héllo ✓ 日本\",\"flows\":-42,\"bytes\":4294967296,\"ratio\":1E-07,\"cost\":79228162514264337593543950335,\"ok\":null,\"day\":null,\"at\":null,\"tags\":\"\"},\n" +
            "{\"name\":null,\"flows\":null,\"bytes\":null,\"ratio\":null,\"cost\":null,\"ok\":null,\"day\":null,\"at\":null,\"tags\":null}\n" +
            "]\n";
        Assert.Equal(expected, await JsonAsync(Samples.EveryKind()));
    }

    [Fact]
    public async Task Write_EveryKind_ParsesBackToTheSameValues()
    {
        using var json = JsonDocument.Parse(await JsonAsync(Samples.EveryKind()));
        var second = json.RootElement[1];
        Assert.Equal(long.MaxValue, second.GetProperty("flows").GetInt64());
        Assert.Equal("comma, \"quoted\"\nnext line", second.GetProperty("name").GetString());
        Assert.Equal(decimal.MaxValue, json.RootElement[2].GetProperty("cost").GetDecimal());
        Assert.Equal(0.1, json.RootElement[0].GetProperty("ratio").GetDouble());
        Assert.Equal(4, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Write_NoRows_IsAnEmptyArray() =>
        Assert.Equal("[]\n", await JsonAsync(new ListResult(("a", ValueKind.Integer))));

    [Fact]
    public async Task Write_RepeatedColumnNames_GetFreeSuffixes()
    {
        var result = new ListResult(("a", ValueKind.Integer), ("a", ValueKind.Integer), ("a_2", ValueKind.Integer), ("A", ValueKind.Integer))
            .With([1L, 2L, 3L, 4L]);
        Assert.Equal("[\n{\"a\":1,\"a_3\":2,\"a_2\":3,\"A\":4}\n]\n", await JsonAsync(result));
    }

    [Fact]
    public async Task Write_NonFiniteDoubles_AreStrings()
    {
        var result = new ListResult(("d", ValueKind.Double)).With([double.NaN], [double.PositiveInfinity], [double.NegativeInfinity]);
        Assert.Equal("[\n{\"d\":\"NaN\"},\n{\"d\":\"Infinity\"},\n{\"d\":\"-Infinity\"}\n]\n", await JsonAsync(result));
    }

    [Fact]
    public async Task Write_ControlCharactersAndEmoji_AreEscapedOrKept()
    {
        var result = new ListResult(("s", ValueKind.String)).With(["tab\there\u0001 <b>&'😀"]);
        using var json = JsonDocument.Parse(await JsonAsync(result));
        Assert.Equal("tab\there\u0001 <b>&'😀", json.RootElement[0].GetProperty("s").GetString());
    }

    [Fact]
    public async Task Write_ManyRows_StreamsThemAllInOrder()
    {
        var result = new ListResult(("n", ValueKind.Integer), ("s", ValueKind.String))
            .With([.. Enumerable.Range(0, 20_000).Select(i => new object?[] { (long)i, "é" + i })]);
        using var json = JsonDocument.Parse(await JsonAsync(result));
        Assert.Equal(20_000, json.RootElement.GetArrayLength());
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => (long)i), json.RootElement.EnumerateArray().Select(e => e.GetProperty("n").GetInt64()));
        Assert.Equal("é19999", json.RootElement[19_999].GetProperty("s").GetString());
    }
}
