using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Generator;
using FlowLogWarehouse.Loader;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests;

/// <summary>A day of generated v5 flow logs (NAT paths, scanners, rejects) in a local warehouse, and a fake Athena over it.</summary>
public class GeneratedWarehouse : IAsyncLifetime
{
    // xUnit builds a fixture through its one public constructor: the layout is a property a subclass overrides.
    protected virtual PartitionGranularity Granularity => PartitionGranularity.Hour;

    public static readonly DateTimeOffset Day = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new("athena-reports");

    public string Path => _directory.Combine("wh");

    public FakeAthena Fake { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var input = _directory.Combine("in");
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = input, Days = 1, RowsPerDay = 30_000, Format = "v5", Seed = 9, Start = Day });
        var summary = await WarehouseLoader.LoadAsync(new LoadOptions { Inputs = [input], Warehouse = Path, Partition = Granularity }, Serilog.Core.Logger.None);
        Assert.Equal(30_000, summary.Rows);
        Fake = await FakeAthena.StartAsync(Path);
        Fake.QueuedPolls = 0;
        Fake.RunningPolls = 0;
    }

    public async Task DisposeAsync()
    {
        await Fake.DisposeAsync();
        _directory.Dispose();
    }
}

/// <summary>The same day in AWS's per-day layout (<c>flowlogs load --partition day</c>).</summary>
public sealed class GeneratedDailyWarehouse : GeneratedWarehouse
{
    protected override PartitionGranularity Granularity => PartitionGranularity.Day;
}
