namespace FlowLogWarehouse.Query.Tests;

public sealed class SqlPlaceholdersTests
{
    [Theory]
    [InlineData("SELECT :a, :b_2", "SELECT $a, $b_2", "a,b_2")]
    [InlineData("WHERE x = :a OR y = :a", "WHERE x = $a OR y = $a", "a,a")]
    [InlineData("SELECT ':a', \":b\"", "SELECT ':a', \":b\"", "")]
    [InlineData("SELECT 'it''s :a' || :b", "SELECT 'it''s :a' || $b", "b")]
    [InlineData("SELECT 1 -- :a\n, :b", "SELECT 1 -- :a\n, $b", "b")]
    [InlineData("SELECT /* :a */ :b", "SELECT /* :a */ $b", "b")]
    [InlineData("SELECT x::INTEGER, :c", "SELECT x::INTEGER, $c", "c")]
    [InlineData("SELECT 'unterminated :a", "SELECT 'unterminated :a", "")]
    [InlineData("SELECT a:1", "SELECT a:1", "")]
    public void Rewrite_ReplacesOnlyPlaceholdersOutsideTextAndComments(string sql, string expected, string names)
    {
        var (rewritten, found) = SqlPlaceholders.Rewrite(sql, n => "$" + n);
        Assert.Equal(expected, rewritten);
        Assert.Equal(names, string.Join(',', found));
    }

    [Theory]
    [InlineData("SELECT ?, ?", "SELECT <0>, <1>", 2)]
    [InlineData("SELECT '?', \"?\" -- ?\n, /* ? */ ?", "SELECT '?', \"?\" -- ?\n, /* ? */ <0>", 1)]
    [InlineData("SELECT 'it''s ?' || ?", "SELECT 'it''s ?' || <0>", 1)]
    [InlineData("SELECT 1", "SELECT 1", 0)]
    public void RewritePositional_ReplacesOnlyMarkersOutsideTextAndComments(string sql, string expected, int count)
    {
        var (rewritten, found) = SqlPlaceholders.RewritePositional(sql, n => $"<{n}>");
        Assert.Equal(expected, rewritten);
        Assert.Equal(count, found);
    }
}
