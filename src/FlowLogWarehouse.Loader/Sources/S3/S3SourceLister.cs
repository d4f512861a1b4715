using System.Collections.Concurrent;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Loader.Sources.S3;

/// <summary>
/// Finds the objects under an <c>s3://bucket/prefix</c> input. Without a date window, everything under the prefix.
/// With one, folders are looked into level by level down to AWS's date root, and then only the folders of the days
/// asked for are listed, so a nightly run over a years-old bucket lists a few folders, not the whole bucket.
/// </summary>
internal sealed class S3SourceLister(IAmazonS3 s3, int concurrency)
{
    /// <summary>Deeper than any AWS layout's date root: below this, list everything and filter by the key's date.</summary>
    private const int MaxDescent = 8;

    private readonly ConcurrentQueue<string> _listed = new();

    /// <summary>Every prefix listed, as <c>bucket/prefix</c> with <c>(folders)</c> for one-level listings.</summary>
    public IReadOnlyCollection<string> Listed => _listed;

    public async Task<IReadOnlyList<SourceFile>> ListAsync(S3Path location, DeliveryDays? days, CancellationToken cancellationToken)
    {
        var found = new ConcurrentBag<SourceFile>();
        if (days is null)
            await ListAllAsync(location.Bucket, location.Prefix, null, found, cancellationToken);
        else
            await DescendAsync(location.Bucket, location.Prefix, days, 0, found, cancellationToken);
        return found
            .Where(s => !IsBookkeeping(s.S3Object.Key, location.Prefix))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    private async Task DescendAsync(string bucket, string prefix, DeliveryDays days, int depth, ConcurrentBag<SourceFile> found, CancellationToken cancellationToken)
    {
        var (place, hive) = prefix.EndsWith('/') || prefix.Length == 0 ? S3KeyLayout.Classify(prefix) : (FolderPlace.Above, false);
        if (place == FolderPlace.DateRoot)
        {
            await Parallel.ForEachAsync(days.Days(), Options(cancellationToken),
                (day, token) => new ValueTask(ListAllAsync(bucket, prefix + S3KeyLayout.DayFolder(day, hive), null, found, token)));
            return;
        }
        if (place == FolderPlace.Inside || depth >= MaxDescent)
        {
            await ListAllAsync(bucket, prefix, days, found, cancellationToken);
            return;
        }

        var folders = new List<string>();
        _listed.Enqueue($"{bucket}/{prefix} (folders)");
        await foreach (var page in Pages(bucket, prefix, "/", cancellationToken))
        {
            foreach (var o in page.S3Objects ?? [])
                Add(bucket, o, days, found);
            folders.AddRange(page.CommonPrefixes ?? []);
        }
        await Parallel.ForEachAsync(folders.Where(f => !IsBookkeepingFolder(f)), Options(cancellationToken),
            (folder, token) => new ValueTask(DescendAsync(bucket, folder, days, depth + 1, found, token)));
    }

    private async Task ListAllAsync(string bucket, string prefix, DeliveryDays? days, ConcurrentBag<SourceFile> found, CancellationToken cancellationToken)
    {
        _listed.Enqueue($"{bucket}/{prefix}");
        await foreach (var page in Pages(bucket, prefix, null, cancellationToken))
            foreach (var o in page.S3Objects ?? [])
                Add(bucket, o, days, found);
    }

    private static void Add(string bucket, S3Object o, DeliveryDays? days, ConcurrentBag<SourceFile> found)
    {
        if (o.Key.EndsWith('/'))
            return; // a folder marker made by the console, not an object with data
        var source = SourceFile.ForS3Object(bucket, o.Key, o.Size ?? 0, o.LastModified?.ToUniversalTime(), o.ETag);
        if (days is not null && source.KeyInfo.Date is { } date && !days.Contains(date))
            return;
        found.Add(source);
    }

    /// <summary>The pages of a listing; a listing that fails ends the load, since what it would have found is unknown.</summary>
    private async IAsyncEnumerable<ListObjectsV2Response> Pages(string bucket, string prefix, string? delimiter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = s3.PagesAsync(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, Delimiter = delimiter }, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await S3Errors.Guard(() => pages.MoveNextAsync().AsTask(), $"s3://{bucket}/{prefix}", "list"))
                yield return pages.Current;
        }
        finally
        {
            await pages.DisposeAsync();
        }
    }

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken };

    /// <summary>Folders starting with '_' or '.' hold bookkeeping (ours, Spark's, a warehouse in the same bucket).</summary>
    private static bool IsBookkeepingFolder(string folder)
    {
        var name = folder.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return name.StartsWith('_') || name.StartsWith('.');
    }

    private static bool IsBookkeeping(string key, string inputPrefix)
    {
        var relative = key.StartsWith(inputPrefix, StringComparison.Ordinal) ? key[inputPrefix.Length..] : key;
        var folders = relative.Split('/');
        return folders.Take(folders.Length - 1).Any(f => f.StartsWith('_') || f.StartsWith('.'));
    }
}
