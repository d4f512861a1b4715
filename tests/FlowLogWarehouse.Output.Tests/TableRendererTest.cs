using FlowLogWarehouse.Output.Tests.Fixtures;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output.Tests;

public class TableRendererTest
{
    private static async Task<string> TableAsync(ListResult result, TableOptions? options = null)
    {
        var text = new StringWriter();
        await TableRenderer.WriteAsync(result.Columns, result.ReadRowsAsync(default), text, options);
        return text.ToString();
    }

    [Fact]
    public async Task Write_FlowRows_AlignsNumbersRightTextLeftAndShowsByteSizes()
    {
        var result = new ListResult(
                ("src_addr", ValueKind.String),
                ("dstport", ValueKind.Integer),
                ("bytes", ValueKind.Integer),
                ("packets", ValueKind.Integer),
                ("share", ValueKind.Double),
                ("first_seen", ValueKind.Timestamp),
                ("action", ValueKind.String))
            .With(
                ["10.0.0.1", 3389L, 1_258_291L, 1234L, 0.5, Samples.At, "ACCEPT"],
                ["192.168.100.200", 22L, 532L, 3L, 12.3456, Samples.At.AddHours(1).AddTicks(5), "REJECT"],
                ["10.0.0.3", null, 4_294_967_296L, 9_876_543L, null, null, null]);
        var expected = """
            src_addr         dstport    bytes    packets  share  first_seen           action
            ---------------  -------  -------  ---------  -----  -------------------  ------
            10.0.0.1            3389  1.2 MiB      1,234    0.5  2024-03-01 12:34:56  ACCEPT
            192.168.100.200       22    532 B          3  12.35  2024-03-01 13:34:56  REJECT
            10.0.0.3                  4.0 GiB  9,876,543
            (3 rows)

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), await TableAsync(result));
    }

    [Fact]
    public async Task Write_EveryKind_ShowsNullsEmptyAndNoTrailingSpaces()
    {
        var expected = """
            name                                           flows    bytes     ratio                                    cost  ok     day         at                   tags
            -------------------------  -------------------------  -------  --------  --------------------------------------  -----  ----------  -------------------  ------
            plain                                      1,234,567    532 B       0.1                                    1.50  true   2024-03-01  2024-03-01 12:34:56  [a, b]
            comma, "quoted"↵next line  9,223,372,036,854,775,807  1.2 MiB  1,234.57                                  -0.001  false  1999-12-31  2024-03-01 12:34:56
            héllo ✓ 日本                                       -42  4.0 GiB     1E-07  79,228,162,514,264,337,593,543,950,335

            (4 rows)

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), await TableAsync(Samples.EveryKind()));
    }

    [Fact]
    public async Task Write_NoRows_IsHeaderRuleAndZeroCount() =>
        Assert.Equal("src  bytes\n---  -----\n(0 rows)\n", await TableAsync(new ListResult(("src", ValueKind.String), ("bytes", ValueKind.Integer))));

    [Fact]
    public async Task Write_OneRow_SaysRow() =>
        Assert.Equal("n\n-\n1\n(1 row)\n", await TableAsync(new ListResult(("n", ValueKind.Integer)).With([1L])));

    [Fact]
    public async Task Write_LongText_IsCutWithAnEllipsis()
    {
        var result = new ListResult(("arn", ValueKind.String)).With([new string('x', 100)]);
        var lines = (await TableAsync(result, new TableOptions { MaxCellWidth = 10 })).Split('\n');
        Assert.Equal("xxxxxxxxx…", lines[2]);
        Assert.Equal("----------", lines[1]);
    }

    [Fact]
    public async Task Write_LongText_NeverSplitsASurrogatePair()
    {
        var result = new ListResult(("s", ValueKind.String)).With(["abc😀😀😀"]);
        Assert.Equal("abc…", (await TableAsync(result, new TableOptions { MaxCellWidth = 5 })).Split('\n')[2]);
    }

    [Fact]
    public async Task Write_LineBreaksAndTabs_StayOnOneLine()
    {
        var result = new ListResult(("s", ValueKind.String), ("n", ValueKind.Integer)).With(["a\r\nb\nc\td", 1L]);
        Assert.Equal("s        n\n-------  -\na↵b↵c d  1\n(1 row)\n", await TableAsync(result));
    }

    [Fact]
    public async Task Write_MoreRowsThanTheLimit_ShowsTheFirstAndStopsReading()
    {
        var result = new ListResult(("n", ValueKind.Integer)).With([.. Enumerable.Range(1, 100).Select(i => new object?[] { (long)i })]);
        var lines = (await TableAsync(result, new TableOptions { MaxRows = 3 })).Split('\n');
        Assert.Equal(["n", "-", "1", "2", "3", "(first 3 rows; more not shown: csv, json and parquet output have them all)", ""], lines);
        Assert.Equal(4, result.RowsRead);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(0.1, "0.1")]
    [InlineData(2.0, "2")]
    [InlineData(1234567.891, "1,234,567.89")]
    [InlineData(0.001234, "0.00123")]
    [InlineData(-0.5, "-0.5")]
    public void Format_Double_HasUpToTwoDecimals(double value, string expected) =>
        Assert.Equal(expected, TableCells.Format(value, byteCount: false));

    [Fact]
    public void Format_Decimal_KeepsItsScaleWithGroupedDigits() =>
        Assert.Equal("1,234.50", TableCells.Format(1234.50m, byteCount: false));

    [Fact]
    public void Format_DoubleByteCount_IsASize() =>
        Assert.Equal("1.5 KiB", TableCells.Format(1536.4, byteCount: true));
}
