using FlowLogWarehouse.Conformance.Tests.Corpus;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Loader;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Conformance.Tests;

/// <summary>
/// Every corpus file through the whole loader (decoding, headers, JSON envelopes, partitions, Parquet), read back
/// with DuckDB: ok cases become rows, error and skip cases are quarantined, headers skipped, every line accounted.
/// </summary>
public sealed class CorpusLoadTest
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in CorpusCases.All.Select(c => c.Folder + "/" + c.File).Distinct().Order(StringComparer.Ordinal))
            data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Load_CorpusFile_RowsAndQuarantineMatchTheCases(string file)
    {
        var cases = CorpusCases.All.Where(c => c.Folder + "/" + c.File == file).ToList();
        using var scratch = new TempDirectory("corpus");
        var input = scratch.Combine(Path.GetFileName(file));
        File.Copy(cases[0].SourcePath, input);
        var warehouse = scratch.Combine("wh");

        var summary = await WarehouseLoader.LoadAsync(
            new LoadOptions { Inputs = [input], Warehouse = warehouse, Format = cases[0].Format, MaxBadRatio = 1 },
            Serilog.Core.Logger.None);

        var source = Assert.Single(summary.Sources);
        Assert.Equal(SourceOutcome.Loaded, source.Outcome);
        Assert.Equal(source.LinesRead, source.Rows + source.Quarantined + source.Skipped);
        var ok = cases.Count(c => c.Expect == "ok");
        var bad = cases.Count(c => c.Expect is "error" or "skip");
        var placeable = cases[0].Format is null || Timed(cases[0]) ? ok : 0;
        Assert.Equal(placeable, source.Rows);
        Assert.Equal(bad + ok - placeable, source.Quarantined);
        var rows = source.Rows == 0 ? 0 : DuckDbQuery.Long("SELECT count(*) FROM read_parquet($1, union_by_name = true)", DuckDbQuery.DataGlob(warehouse));
        Assert.Equal(source.Rows, rows);
    }

    /// <summary>Records can be placed in an hour partition: the format has start or end, or a log event gives the time.</summary>
    private static bool Timed(CorpusCase c)
    {
        var format = FlowLogFormat.Parse(c.Format!);
        return format.Fields.Any(f => f.Name is "start" or "end") || c.JsonPath is not null;
    }
}
