using FlowLogWarehouse.Loader.Sources;
using FlowLogWarehouse.Loader.Warehouse;

namespace FlowLogWarehouse.Loader;

/// <summary>Which sources a load reads, which it skips as already loaded, and which earlier batches it replaces.</summary>
internal sealed record LoadPlan(IReadOnlyList<SourceFile> ToLoad, IReadOnlyList<SourceFile> AlreadyLoaded, IReadOnlyList<string> Replaces);

internal static class LoadPlanner
{
    /// <summary>
    /// A source loaded before unchanged is skipped, unless <paramref name="reload"/>: a file with the same size and
    /// modification time, an S3 object with the same size and ETag. A reloaded or changed source replaces the batch
    /// that holds it; that batch's other sources are read again with it (found again by <paramref name="reopen"/>),
    /// because a batch's files mix the rows of all its sources.
    /// </summary>
    public static async Task<LoadPlan> PlanAsync(IReadOnlyList<SourceFile> sources, ManifestIndex index, bool reload, Func<string, Task<SourceFile?>> reopen)
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
            if (Unchanged(loaded, source) && !reload)
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
                var again = await reopen(other.Id) ?? throw new LoadFailedException(
                    $"Reloading means rewriting batch {batch}, which also holds {other.Id}; that source can no longer be read, " +
                    "so its rows could not be kept. Reload it together with the others, or load the changed sources into a new warehouse.");
                toLoad.Add(again);
                ids.Add(again.Id);
            }
        }
        return new LoadPlan(toLoad, already, replaces.ToList());
    }

    private static bool Unchanged(ManifestSource loaded, SourceFile source) =>
        loaded.Size == source.Size && (source.ETag is not null
            ? string.Equals(loaded.ETag, source.ETag, StringComparison.Ordinal)
            : loaded.LastModifiedUtc == source.LastModifiedUtc);
}
