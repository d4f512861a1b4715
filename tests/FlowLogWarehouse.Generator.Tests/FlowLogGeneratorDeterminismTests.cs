using FlowLogWarehouse.Generator.Tests.Fixtures;

namespace FlowLogWarehouse.Generator.Tests;

/// <summary>The same options give the same bytes; another seed gives other data.</summary>
public sealed class FlowLogGeneratorDeterminismTests
{
    [Theory]
    [InlineData("v2", false)]
    [InlineData("all", true)]
    public void Generate_SameSeed_IsByteIdentical(string format, bool gzip)
    {
        using var dir = new TempDirectory();
        GeneratorOptions Options(string name) => new() { OutputDirectory = dir.Sub(name), RowsPerDay = 2_880, Format = format, Gzip = gzip, Seed = 42 };
        var first = FlowLogGenerator.Generate(Options("first"));
        var second = FlowLogGenerator.Generate(Options("second"));

        var a = LogFile.ReadAll(dir.Sub("first"));
        var b = LogFile.ReadAll(dir.Sub("second"));
        Assert.Equal(first, second);
        Assert.Equal(a.Select(f => f.RelativePath), b.Select(f => f.RelativePath));
        foreach (var (x, y) in a.Zip(b))
            Assert.Equal(x.Raw, y.Raw);
    }

    [Fact]
    public void Generate_OtherSeed_Differs()
    {
        using var dir = new TempDirectory();
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Sub("one"), RowsPerDay = 2_880, Seed = 1 });
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Sub("two"), RowsPerDay = 2_880, Seed = 2 });

        var one = LogFile.ReadAll(dir.Sub("one"));
        var two = LogFile.ReadAll(dir.Sub("two"));
        Assert.Equal(one.Count, two.Count);
        // Names carry a per-file hash, records carry other interfaces and hosts: nothing is shared.
        Assert.Empty(one.Select(f => f.Name).Intersect(two.Select(f => f.Name)));
        Assert.Empty(one.SelectMany(f => f.Records).Intersect(two.SelectMany(f => f.Records)));
    }

    [Fact]
    public void Generate_OneDay_IsTheSameWhetherGeneratedAloneOrAfterThePreviousDay()
    {
        using var dir = new TempDirectory();
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Sub("both"), RowsPerDay = 2_880, Days = 2 });
        FlowLogGenerator.Generate(new GeneratorOptions
        {
            OutputDirectory = dir.Sub("second"),
            RowsPerDay = 2_880,
            Start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero),
        });

        var secondDay = LogFile.ReadAll(dir.Sub("both")).Where(f => f.RelativePath.Contains("/2026/11/02/", StringComparison.Ordinal)).ToList();
        var alone = LogFile.ReadAll(dir.Sub("second"));
        Assert.Equal(288, secondDay.Count);
        Assert.Equal(secondDay.Select(f => f.RelativePath), alone.Select(f => f.RelativePath));
        foreach (var (x, y) in secondDay.Zip(alone))
            Assert.Equal(x.Raw, y.Raw);
    }
}
