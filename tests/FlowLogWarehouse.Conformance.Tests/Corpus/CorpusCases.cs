using System.Text.Json;

namespace FlowLogWarehouse.Conformance.Tests.Corpus;

/// <summary>Every case of every <c>shared/corpus/*/cases.jsonl</c>, read once.</summary>
internal static class CorpusCases
{
    private static readonly Lazy<IReadOnlyList<CorpusCase>> Loaded = new(Load);

    public static IReadOnlyList<CorpusCase> All => Loaded.Value;

    public static CorpusCase Get(string id) =>
        All.SingleOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"No corpus case has id '{id}'.");

    /// <summary>The cases.jsonl files, one per corpus folder.</summary>
    public static IReadOnlyList<string> Files =>
        System.IO.Directory.GetDirectories(CorpusLocator.Directory)
            .Select(d => Path.Combine(d, "cases.jsonl"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Non-blank lines of all cases.jsonl files: the number of cases the corpus holds.</summary>
    public static int LineCount => Files.Sum(f => File.ReadLines(f).Count(l => !string.IsNullOrWhiteSpace(l)));

    private static IReadOnlyList<CorpusCase> Load()
    {
        var cases = new List<CorpusCase>();
        foreach (var file in Files)
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            var lineNo = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                try
                {
                    using var document = JsonDocument.Parse(line);
                    cases.Add(CorpusCase.Read(folder, document.RootElement));
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException($"{file}:{lineNo} is not JSON: {e.Message}", e);
                }
            }
        }
        return cases;
    }

    /// <summary>The lines of a corpus text file as a reader sees them: split on '\n', '\r' stripped, no empty tail after a final newline.</summary>
    public static IReadOnlyList<string> ReadLines(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
