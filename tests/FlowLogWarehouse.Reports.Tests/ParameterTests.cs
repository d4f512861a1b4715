namespace FlowLogWarehouse.Reports.Tests;

/// <summary>Parameters are typed, checked and bound: hostile text stays data, mistakes get the parameter list.</summary>
public sealed class ParameterTests
{
    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("eni-1' OR '1'='1")]
    [InlineData("x'); DROP VIEW flow_logs; --")]
    [InlineData("$1")]
    [InlineData(":limit")]
    [InlineData("{{window}}")]
    public async Task HostileStrings_AreComparedAsData_NotRunAsSql(string hostile)
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Action = "REJECT", Src = "203.0.113.9" },
            new Flow { Action = "REJECT", Src = "203.0.113.10", Eni = hostile.Length <= 0 ? "eni-x" : "eni-0a1b2c3d4e5f60002" });

        var result = await warehouse.RunAsync("rejected", new { eni = hostile }, "2026-11-02", "2026-11-03");

        Assert.Equal(0, result.Count);
        // The view is still there and whole: the value was never part of the statement.
        Assert.Equal(2, (await warehouse.RunAsync("rejected", from: "2026-11-02", to: "2026-11-03")).Count);
    }

    [Fact]
    public async Task AValueThatMatches_IsFoundExactly()
    {
        const string odd = "eni-it's-'quoted'";
        await using var warehouse = await ReportWarehouse.LoadAsync(
            new Flow { Action = "REJECT", Eni = odd, Src = "203.0.113.1" },
            new Flow { Action = "REJECT", Src = "203.0.113.2" });

        var result = await warehouse.RunAsync("rejected", new { eni = odd }, "2026-11-02", "2026-11-03");

        Assert.Equal(["203.0.113.1"], result.Column("srcaddr"));
    }

    [Fact]
    public void UnknownParameter_ListsTheReportsParameters()
    {
        var error = Assert.Throws<ReportException>(() =>
            ReportRunner.Bind(ReportLibrary.BuiltIn.Resolve("rejected@1"), new Dictionary<string, string> { ["limt"] = "5" }));
        Assert.Contains("has no parameter 'limt'", error.Message);
        Assert.Contains("limit integer = 50", error.Message);
        Assert.Contains("eni string = null", error.Message);
    }

    [Theory]
    [InlineData("limit", "ten", "'ten' is not an integer")]
    [InlineData("limit", "1e3", "'1e3' is not an integer")]
    public void IllTypedParameter_SaysWhyAndListsParameters(string name, string value, string reason)
    {
        var error = Assert.Throws<ReportException>(() =>
            ReportRunner.Bind(ReportLibrary.BuiltIn.Resolve("rejected@1"), new Dictionary<string, string> { [name] = value }));
        Assert.Contains(reason, error.Message);
        Assert.Contains("Its parameters:", error.Message);
    }

    [Theory]
    [InlineData(ParameterType.Port, "65535", 65535L)]
    [InlineData(ParameterType.Port, "65536", null)]
    [InlineData(ParameterType.Port, "-1", null)]
    [InlineData(ParameterType.Ip, "10.0.0.1", "10.0.0.1")]
    [InlineData(ParameterType.Ip, "2001:DB8::1", "2001:db8::1")]
    [InlineData(ParameterType.Ip, "10.1", null)]
    [InlineData(ParameterType.Ip, "10.0.0.1' OR 1=1", null)]
    [InlineData(ParameterType.Boolean, "true", true)]
    [InlineData(ParameterType.Double, "0.25", 0.25)]
    [InlineData(ParameterType.Double, "NaN", null)]
    public void Types_ParseWhatTheyShouldAndNothingElse(ParameterType type, string text, object? expected)
    {
        var value = ParameterTypes.Parse(type, text, out var reason);
        Assert.Equal(expected, value);
        Assert.Equal(expected is null, reason is not null);
    }
}
