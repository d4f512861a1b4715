using FlowLogWarehouse.Conformance.Tests.Corpus;
using Xunit.Abstractions;

namespace FlowLogWarehouse.Conformance.Tests;

public class CorpusCountTest(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_Always_IsFoundNextToTheRepository()
    {
        output.WriteLine(CorpusLocator.Directory);

        Assert.True(File.Exists(Path.Combine(CorpusLocator.Directory, "README.md")));
        Assert.Equal(4, CorpusCases.Files.Count);
    }

    [Fact]
    public void CaseTheories_Always_RunEveryLineOfEveryCasesJsonl()
    {
        var run = CorpusCaseTest.LineCaseIds.Count + CorpusCaseTest.EnvelopeRecordIds.Count;
        var byExpect = CorpusCases.All.GroupBy(c => c.Expect).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var file in CorpusCases.Files)
            output.WriteLine($"{Path.GetRelativePath(CorpusLocator.Directory, file)}: {File.ReadLines(file).Count(l => l.Length > 0)} cases");
        foreach (var g in byExpect)
            output.WriteLine($"expect {g.Key}: {g.Count()}");
        output.WriteLine($"total: {run} run, {CorpusCases.LineCount} lines in cases.jsonl");

        Assert.Equal(CorpusCases.LineCount, run);
        // shared/corpus/README.md: "85 cases: 80 records that must parse, 3 that must fail, 2 that a reader skips".
        Assert.Equal(85, run);
        Assert.Equal([("error", 3), ("ok", 80), ("skip", 2)], byExpect.Select(g => (g.Key, g.Count())));
    }

    [Fact]
    public void CaseIds_Always_AreUnique()
    {
        var duplicates = CorpusCases.All.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }
}
