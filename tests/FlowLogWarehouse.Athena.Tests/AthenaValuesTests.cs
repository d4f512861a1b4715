using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Athena.Tests;

public sealed class AthenaValuesTests
{
    public static TheoryData<string, string, ValueKind, object> Cells => new()
    {
        { "varchar", "eni-0a1b", ValueKind.String, "eni-0a1b" },
        { "char", "ab ", ValueKind.String, "ab " },
        { "string", "x", ValueKind.String, "x" },
        { "tinyint", "-7", ValueKind.Integer, -7L },
        { "smallint", "300", ValueKind.Integer, 300L },
        { "integer", "65535", ValueKind.Integer, 65535L },
        { "bigint", "9223372036854775807", ValueKind.Integer, long.MaxValue },
        { "double", "1.5", ValueKind.Double, 1.5 },
        { "double", "1.0E10", ValueKind.Double, 1e10 },
        { "double", "NaN", ValueKind.Double, double.NaN },
        { "double", "-Infinity", ValueKind.Double, double.NegativeInfinity },
        { "float", "0.25", ValueKind.Double, 0.25 },
        { "real", "2.5E-3", ValueKind.Double, 0.0025 },
        { "decimal", "12345678901234567.89", ValueKind.Decimal, 12345678901234567.89m },
        { "decimal(10,2)", "-0.50", ValueKind.Decimal, -0.50m },
        { "boolean", "true", ValueKind.Boolean, true },
        { "boolean", "false", ValueKind.Boolean, false },
        { "date", "2026-11-20", ValueKind.Date, new DateOnly(2026, 11, 20) },
        { "timestamp", "2026-11-20 05:00:00.000", ValueKind.Timestamp, new DateTime(2026, 11, 20, 5, 0, 0, DateTimeKind.Utc) },
        { "timestamp", "2026-11-20 05:00:01", ValueKind.Timestamp, new DateTime(2026, 11, 20, 5, 0, 1, DateTimeKind.Utc) },
        { "timestamp(6)", "2026-11-20 05:00:00.123456", ValueKind.Timestamp, new DateTime(2026, 11, 20, 5, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560) },
        { "timestamp(9)", "2026-11-20 05:00:00.123456789", ValueKind.Timestamp, new DateTime(2026, 11, 20, 5, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567) },
        { "array(varchar)", "[a, b]", ValueKind.Other, "[a, b]" },
        { "map(varchar,bigint)", "{a=1}", ValueKind.Other, "{a=1}" },
        { "row(x integer)", "{x=1}", ValueKind.Other, "{x=1}" },
        { "json", "{\"a\":1}", ValueKind.Other, "{\"a\":1}" },
        { "varbinary", "0a 0b", ValueKind.Other, "0a 0b" },
        { "timestamp with time zone", "2026-11-20 05:00:00.000 UTC", ValueKind.Other, "2026-11-20 05:00:00.000 UTC" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_Athena_type_reads_as_its_kinds_CLR_type(string type, string text, ValueKind kind, object expected)
    {
        Assert.Equal(kind, AthenaValues.KindOf(type));
        Assert.Equal(kind, AthenaValues.KindOf(type.ToUpperInvariant()));
        var value = AthenaValues.Parse(text, kind);
        Assert.Equal(expected, value);
        Assert.Equal(expected.GetType(), value!.GetType());
        if (value is DateTime time)
            Assert.Equal(DateTimeKind.Utc, time.Kind);
    }

    [Theory]
    [InlineData(ValueKind.String)]
    [InlineData(ValueKind.Integer)]
    [InlineData(ValueKind.Timestamp)]
    [InlineData(ValueKind.Other)]
    public void A_cell_without_VarCharValue_is_null(ValueKind kind) => Assert.Null(AthenaValues.Parse(null, kind));

    [Fact]
    public void An_empty_varchar_is_an_empty_string_not_null() => Assert.Equal("", AthenaValues.Parse("", ValueKind.String));

    [Theory]
    [InlineData("abc", ValueKind.Integer)]
    [InlineData("1.5", ValueKind.Integer)]
    [InlineData("yes", ValueKind.Boolean)]
    [InlineData("20/11/2026", ValueKind.Date)]
    [InlineData("2026-11-20T05:00:00Z", ValueKind.Timestamp)]
    public void Text_that_is_not_its_type_is_a_format_error(string text, ValueKind kind) =>
        Assert.Throws<FormatException>(() => AthenaValues.Parse(text, kind));
}
