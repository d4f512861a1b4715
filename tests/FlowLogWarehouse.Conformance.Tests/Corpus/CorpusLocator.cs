namespace FlowLogWarehouse.Conformance.Tests.Corpus;

/// <summary>Finds shared/corpus: the repository's sibling (<c>&lt;repo&gt;/../shared/corpus</c>) or a <c>shared/corpus</c> above the test binaries.</summary>
internal static class CorpusLocator
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Directory => Found.Value;

    private static string Find()
    {
        var start = AppContext.BaseDirectory;
        var looked = new List<string>();
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidates = new List<string> { Path.Combine(dir.FullName, "shared", "corpus") };
            if (File.Exists(Path.Combine(dir.FullName, "FlowLogWarehouse.sln")))
                candidates.Insert(0, Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus")));
            foreach (var candidate in candidates)
            {
                looked.Add(candidate);
                if (System.IO.Directory.Exists(candidate) && System.IO.Directory.EnumerateFiles(candidate, "cases.jsonl", SearchOption.AllDirectories).Any())
                    return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"The flow log corpus was not found. Walking up from {start} it is looked for as <dir>/shared/corpus and, " +
            $"next to FlowLogWarehouse.sln, as <repo>/../shared/corpus; none of these holds a cases.jsonl: {string.Join(", ", looked)}");
    }
}
