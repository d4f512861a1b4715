using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Generator.Tests.Fixtures;

/// <summary>Generates once and keeps files and parsed rows, for test classes that only read them.</summary>
public abstract class GeneratedSample : IDisposable
{
    private readonly TempDirectory _directory = new();

    protected GeneratedSample(Func<string, GeneratorOptions> options)
    {
        Options = options(_directory.Path);
        Result = FlowLogGenerator.Generate(Options);
        Files = LogFile.ReadAll(_directory.Path);
        Rows = FlowRow.ParseAll(Files, Result.Format);
    }

    public GeneratorOptions Options { get; }

    public GeneratorResult Result { get; }

    public FlowLogFormat Format => Result.Format;

    public IReadOnlyList<LogFile> Files { get; }

    public IReadOnlyList<FlowRow> Rows { get; }

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>One day in the default format with the default options, 20 records per file.</summary>
public sealed class DefaultDay() : GeneratedSample(dir => new GeneratorOptions { OutputDirectory = dir, RowsPerDay = 5_760 });

/// <summary>One day in the "all" format: every field, 50 records per file.</summary>
public sealed class AllFieldsDay() : GeneratedSample(dir => new GeneratorOptions
{
    OutputDirectory = dir,
    Format = "all",
    RowsPerDay = 14_400,
    Seed = 7,
});
