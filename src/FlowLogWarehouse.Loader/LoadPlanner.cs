using FlowLogWarehouse.Loader.Sources;
using FlowLogWarehouse.Loader.Warehouse;

namespace FlowLogWarehouse.Loader;

/// <summary>Which sources a load reads, which it skips as already loaded, and which earlier batches it replaces.</summary>
internal sealed record LoadPlan(IReadOnlyList<SourceFile> ToLoad, IReadOnlyList<SourceFile> AlreadyLoaded, IReadOnlyList<string> Replaces);

internal static class LoadPlanner
{
    /// <summary>
    /// A source loaded before with the same size and modification time is skipped, unless <paramref name="reload"/>.
    /// A reloaded or changed source replaces the batch that holds it; that batch's other sources are read again
    /// with it, because a batch's files mix the rows of all its sources.
    /// </summary>
    public static LoadPlan Plan(IReadOnlyList<SourceFile> sources, ManifestIndex index, bool reload)
    {
        var toLoad = new List<SourceFile>();
        var already = new List<SourceFile>();
        var replaces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (source.IsStdin || !index.TryGetSource(source.Id, out var loaded, out var batch))
            {
                toLoad.Add(source);
                continue;
            }
            var unchanged = loaded.Size == source.Size && loaded.LastModifiedUtc == source.LastModifiedUtc;
            if (unchanged && !reload)
            {
                already.Add(source);
                continue;
            }
            toLoad.Add(source);
            replaces.Add(batch);
        }

        var ids = toLoad.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var batch in replaces)
        {
            foreach (var other in index.Batch(batch).Sources)
            {
                if (ids.Contains(other.Id))
                    continue;
                var path = other.Id.StartsWith("file://", StringComparison.Ordinal) ? other.Id["file://".Length..] : null;
                if (path is null || !File.Exists(path))
                    throw new LoadFailedException(
                        $"Reloading means rewriting batch {batch}, which also holds {other.Id}; that source can no longer be read, " +
                        "so its rows could not be kept. Reload it together with the others, or load the changed files into a new warehouse.");
                var again = SourceFile.ForFile(new FileInfo(path));
                toLoad.Add(again);
                ids.Add(again.Id);
            }
        }
        return new LoadPlan(toLoad, already, replaces.ToList());
    }
}
