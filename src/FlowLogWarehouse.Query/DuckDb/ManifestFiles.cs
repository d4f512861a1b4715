using System.Text.Json;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Query.DuckDb;

/// <summary>
/// The committed files of a warehouse our loader wrote, grouped by the columns they hold, read from the batch
/// manifests under <c>_flowlogs/manifest</c> (written by the loader's BatchCommitter). Every file of a batch has
/// the batch's columns: the union of its sources' formats, as the loader builds it with
/// <see cref="BatchSchema.Union"/>. Knowing this without opening a file is what lets a query read only the files
/// of the partitions it asks for; and a file a crashed load left behind, in no manifest, is never read.
/// </summary>
internal static class ManifestFiles
{
    /// <summary>One set of columns and the warehouse-relative paths of the files holding exactly those.</summary>
    public sealed record Group(IReadOnlyList<FlowLogField> Fields, IReadOnlyList<string> Files);

    /// <summary>Null when the warehouse has no manifest (e.g. AWS's own Parquet delivery).</summary>
    public static IReadOnlyList<Group>? Read(string warehouse)
    {
        var directory = Path.Combine(warehouse, "_flowlogs", "manifest");
        if (!Directory.Exists(directory))
            return null;
        // A batch of thousands of sources usually has one format: each distinct text is parsed once.
        var formats = new Dictionary<string, FlowLogFormat>(StringComparer.Ordinal);
        var batches = Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(p => ReadBatch(p, formats)).ToList();
        if (batches.Count == 0)
            return null;
        return batches
            .GroupBy(b => string.Join(',', b.Fields.Select(f => f.Column).Order(StringComparer.Ordinal)))
            .Select(g => new Group(g.First().Fields, g.SelectMany(b => b.Files).ToList()))
            .ToList();
    }

    private static (IReadOnlyList<FlowLogField> Fields, IReadOnlyList<string> Files) ReadBatch(string path, Dictionary<string, FlowLogFormat> formats)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var texts = root.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("format").GetString()!).Distinct(StringComparer.Ordinal);
            var batchFormats = texts.Select(t => formats.TryGetValue(t, out var known) ? known : formats[t] = FlowLogFormat.Parse(t)).ToList();
            var fields = BatchSchema.Union(batchFormats).Columns.Select(c => c.Field).ToList();
            var files = root.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();
            return (fields, files);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FlowLogFormatException)
        {
            throw new QueryException($"the warehouse manifest {path} cannot be read: {e.Message}");
        }
    }
}
