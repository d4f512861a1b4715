using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests;

/// <summary>The fake's stand-in for Athena's server-side binding of execution parameters.</summary>
public sealed class FakeAthenaDuckDbTests
{
    [Theory]
    [InlineData("SELECT * FROM t WHERE a = ? AND b = ?", new[] { "'x'", "42" }, "SELECT * FROM t WHERE a = 'x' AND b = 42")]
    [InlineData("SELECT '?' || ? -- ?", new[] { "'it''s'" }, "SELECT '?' || 'it''s' -- ?")]
    [InlineData("SELECT ? > TIMESTAMP '2026-11-20 00:00:00'", new[] { "TIMESTAMP '2026-11-21 00:00:00'" }, "SELECT TIMESTAMP '2026-11-21 00:00:00' > TIMESTAMP '2026-11-20 00:00:00'")]
    [InlineData("SELECT ?, ?, ?, ?", new[] { "-1.5E3", "true", "NULL", "DATE '2026-11-20'" }, "SELECT -1.5E3, true, NULL, DATE '2026-11-20'")]
    public void Each_marker_takes_its_literal(string sql, string[] parameters, string expected) =>
        Assert.Equal(expected, FakeAthenaDuckDb.Substitute(sql, parameters));

    [Theory]
    [InlineData("1; DROP TABLE t")]
    [InlineData("'a' OR 1 = 1")]
    [InlineData("x")]
    public void A_parameter_that_is_not_a_literal_fails_the_query(string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => FakeAthenaDuckDb.Substitute("SELECT ?", [parameter]));
        Assert.Contains("not a literal", error.Message);
    }

    [Fact]
    public void Markers_and_parameters_must_match_in_number()
    {
        var error = Assert.Throws<ArgumentException>(() => FakeAthenaDuckDb.Substitute("SELECT ?, ?", ["1"]));
        Assert.Equal("Incorrect number of parameters: expected 2 but found 1", error.Message);
    }

    [Fact]
    public void Values_render_as_Athena_writes_them()
    {
        Assert.Null(FakeAthenaDuckDb.Render(null));
        Assert.Equal("2026-11-20 05:00:00.250", FakeAthenaDuckDb.Render(new DateTime(2026, 11, 20, 5, 0, 0, 250, DateTimeKind.Utc)));
        Assert.Equal("2026-11-20", FakeAthenaDuckDb.Render(new DateOnly(2026, 11, 20)));
        Assert.Equal("0.1", FakeAthenaDuckDb.Render(0.1));
        Assert.Equal("true", FakeAthenaDuckDb.Render(true));
        Assert.Equal("12.50", FakeAthenaDuckDb.Render(12.50m));
    }
}
