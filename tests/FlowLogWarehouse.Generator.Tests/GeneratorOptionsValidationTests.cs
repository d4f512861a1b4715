using FlowLogWarehouse.Generator.Tests.Fixtures;

namespace FlowLogWarehouse.Generator.Tests;

/// <summary>Bad options stop the run before anything is written, with a message that says what to change.</summary>
public sealed class GeneratorOptionsValidationTests
{
    public static TheoryData<string, Func<GeneratorOptions, GeneratorOptions>, string> InvalidOptions => new()
    {
        { "no days", o => o with { Days = 0 }, "Days must be at least 1; got 0." },
        { "negative rows", o => o with { RowsPerDay = -5 }, "RowsPerDay must be at least 1; got -5." },
        { "no rows", o => o with { RowsPerDay = 0 }, "RowsPerDay must be at least 1; got 0." },
        { "blank directory", o => o with { OutputDirectory = " " }, "OutputDirectory must name the directory to write the flow logs to." },
        {
            "path in account", o => o with { AccountId = "../etc" },
            "AccountId '../etc' cannot be used: 1 to 64 letters, digits, '-' or '_' (for example 123456789012)."
        },
        { "empty account", o => o with { AccountId = "" }, "AccountId '' cannot be used: 1 to 64 letters, digits, '-' or '_' (for example 123456789012)." },
        {
            "space in region", o => o with { Region = "us east 1" },
            "Region 'us east 1' cannot be used: 1 to 64 letters, digits, '-' or '_' (for example us-east-1)."
        },
        { "empty format", o => o with { Format = "" }, "Format: The format '' names no fields. Use v2, v5, all or a list of field names." },
        {
            "misspelled field", o => o with { Format = "${srcadr} ${dstaddr}" },
            "Format: The format names 'srcadr', which is not a known field. Did you mean 'srcaddr'? Use v2, v5, all or a list of field names."
        },
        {
            "no catalog field", o => o with { Format = "customer-tag" },
            "Format 'customer-tag' names no catalog field, so readers could not recognise its header. Use v2, v5, all or a list of field names."
        },
        {
            "before 1970", o => o with { Start = new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero) },
            "Start must be 1970-01-01 or later (flow log times are Unix seconds); got 1969-12-31T00:00:00.0000000+00:00."
        },
        {
            "past 9999", o => o with { Start = new DateTimeOffset(9999, 12, 30, 0, 0, 0, TimeSpan.Zero), Days = 5 },
            "Start 9999-12-30 plus 5 days goes past the year 9999."
        },
        {
            "too many records", o => o with { Days = 4, RowsPerDay = long.MaxValue / 2 },
            $"Days × RowsPerDay (4 × {long.MaxValue / 2}) is more records than can be counted."
        },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Generate_InvalidOptions_ThrowsArgumentExceptionWithClearMessage(string why, Func<GeneratorOptions, GeneratorOptions> change, string message)
    {
        using var dir = new TempDirectory();
        var output = dir.Sub("out");
        var options = change(new GeneratorOptions { OutputDirectory = output, RowsPerDay = 100 });

        var e = Assert.Throws<ArgumentException>(() => FlowLogGenerator.Generate(options));
        Assert.True(message == e.Message, $"{why}: expected \"{message}\", got \"{e.Message}\"");
        Assert.False(Directory.Exists(output), $"{why}: the output directory was created for invalid options");
    }

    [Fact]
    public void Generate_NullOptions_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => FlowLogGenerator.Generate(null!));
    }
}
