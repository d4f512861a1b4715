using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Loader.Sources.S3;

namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>
/// A warehouse under an S3 prefix, same layout as a local one. Batches are staged in a local folder and uploaded
/// with <see cref="TransferUtility"/> (multipart for large files): an object appears whole or not at all, and the
/// manifest, written last, is the commit point. S3 has no rename and no lock, so a batch's objects are listed in its
/// journal before any upload, and the lock is a local one: one load at a time per warehouse on this machine.
/// </summary>
internal sealed class S3WarehouseStore : IWarehouseStore
{
    private readonly IAmazonS3 _s3;
    private readonly S3Path _location;
    private readonly int _concurrency;
    private readonly FileStream _lock;

    private S3WarehouseStore(IAmazonS3 s3, S3Path location, int concurrency, string stagingRoot, FileStream lockStream)
    {
        _s3 = s3;
        _location = location;
        _concurrency = concurrency;
        StagingRoot = stagingRoot;
        _lock = lockStream;
    }

    public string Root => _location.ToString();

    public string StagingRoot { get; }

    /// <summary>Staging goes under <paramref name="stagingParent"/> (default: the temp folder), in a folder per warehouse.</summary>
    public static async Task<S3WarehouseStore> OpenAsync(IAmazonS3 s3, S3Path location, int concurrency, string? stagingParent, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(location.Bucket + "/" + location.Folder)))[..16];
        var root = Path.Combine(stagingParent ?? Path.Combine(Path.GetTempPath(), "flowlogs-staging"), $"{location.Bucket}-{hash}");
        Directory.CreateDirectory(root);
        var lockStream = LockFile.Acquire(Path.Combine(root, ".lock"), $"Another load on this machine is writing to the warehouse {location}. Wait for it to finish.");
        var store = new S3WarehouseStore(s3, location, concurrency, root, lockStream);
        try
        {
            // Fails early, before anything is read, when the bucket is missing or not ours to list.
            await S3Errors.Guard(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.KeyOf(WarehousePaths.Meta + "/"), MaxKeys = 1 }, cancellationToken),
                $"the warehouse {location}", "list");
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
        return store;
    }

    private string Key(string relative) => _location.KeyOf(relative);

    private string What(string relative) => $"{S3Path.Scheme}{_location.Bucket}/{Key(relative)}";

    /// <summary>
    /// Local staging, and whatever remote converters left under <c>_flowlogs/remote/</c>: under the lock no batch
    /// is being converted, so nothing there is still wanted (a query left running by a killed load may add more, which
    /// the next run removes).
    /// </summary>
    public async Task CleanLeftoversAsync(CancellationToken cancellationToken)
    {
        foreach (var staging in Directory.EnumerateDirectories(StagingRoot))
            Directory.Delete(staging, recursive: true);
        await DeleteFolderAsync(WarehousePaths.Remote, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListJsonAsync(string folder, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var pages = _s3.PagesAsync(new ListObjectsV2Request { BucketName = _location.Bucket, Prefix = Key(folder + "/"), Delimiter = "/" }, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        await using (pages)
        {
            while (await S3Errors.Guard(() => pages.MoveNextAsync().AsTask(), What(folder + "/"), "list"))
                foreach (var o in pages.Current.S3Objects ?? [])
                    if (o.Key.EndsWith(".json", StringComparison.Ordinal))
                        names.Add(folder + "/" + o.Key[(o.Key.LastIndexOf('/') + 1)..]);
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public async Task<T?> ReadJsonAsync<T>(string relative, CancellationToken cancellationToken) where T : class
    {
        try
        {
            using var response = await _s3.GetObjectAsync(_location.Bucket, Key(relative), cancellationToken);
            return AtomicJson.Read<T>(response.ResponseStream, What(relative));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (S3Errors.IsS3Failure(e) && e is not JsonException)
        {
            throw new LoadFailedException($"Could not read {What(relative)}: {S3Errors.Describe(e)}");
        }
    }

    public async Task WriteJsonAsync<T>(string relative, T value, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, AtomicJson.Options);
        using var stream = new MemoryStream(body);
        var request = new PutObjectRequest { BucketName = _location.Bucket, Key = Key(relative), InputStream = stream, ContentType = "application/json" };
        await S3Errors.Guard(() => _s3.PutObjectAsync(request, cancellationToken), What(relative), "write");
    }

    public async Task PublishAsync(IReadOnlyList<StagedFile> files, CancellationToken cancellationToken)
    {
        using var transfer = new TransferUtility(_s3, new TransferUtilityConfig { ConcurrentServiceRequests = Math.Max(1, _concurrency / 2) });
        var done = 0;
        var half = Math.Max(1, files.Count / 2);
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _concurrency), CancellationToken = cancellationToken }, async (file, token) =>
        {
            if (file.RemoteRelative is { } remote)
            {
                // Server side, within the bucket: the bytes never come here. CopyObject is atomic like an upload.
                var copy = new CopyObjectRequest
                {
                    SourceBucket = _location.Bucket, SourceKey = Key(remote), DestinationBucket = _location.Bucket, DestinationKey = Key(file.Relative),
                };
                await S3Errors.Guard(() => _s3.CopyObjectAsync(copy, token), What(file.Relative), "copy");
            }
            else
            {
                var request = new TransferUtilityUploadRequest { BucketName = _location.Bucket, Key = Key(file.Relative), FilePath = file.LocalPath };
                await S3Errors.Guard(async () => { await transfer.UploadAsync(request, token); return true; }, What(file.Relative), "upload");
                File.Delete(file.LocalPath);
            }
            if (Interlocked.Increment(ref done) == half)
                FaultInjection.At("mid-upload");
        });
    }

    public async Task<int> DeleteAsync(IReadOnlyList<string> relatives, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await Parallel.ForEachAsync(relatives, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _concurrency), CancellationToken = cancellationToken }, async (relative, token) =>
        {
            // A HEAD first: S3 answers a DELETE of a missing key with success, and recovery reports what it removed.
            try
            {
                await _s3.GetObjectMetadataAsync(_location.Bucket, Key(relative), token);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }
            catch (Exception e) when (S3Errors.IsS3Failure(e))
            {
                throw new LoadFailedException($"Could not check {What(relative)}: {S3Errors.Describe(e)}");
            }
            await S3Errors.Guard(() => _s3.DeleteObjectAsync(_location.Bucket, Key(relative), token), What(relative), "delete");
            Interlocked.Increment(ref deleted);
        });
        return deleted;
    }

    public async Task<int> DeleteFolderAsync(string relative, CancellationToken cancellationToken)
    {
        var keys = await ListKeysAsync(relative, cancellationToken);
        // DeleteObjects takes at most 1000 keys a request.
        foreach (var chunk in keys.Chunk(1000))
        {
            var request = new DeleteObjectsRequest { BucketName = _location.Bucket, Objects = chunk.Select(k => new KeyVersion { Key = k }).ToList() };
            var response = await S3Errors.Guard(() => _s3.DeleteObjectsAsync(request, cancellationToken), What(relative + "/"), "delete");
            if (response.DeleteErrors is { Count: > 0 } errors)
                throw new LoadFailedException($"Could not delete {S3Path.Scheme}{_location.Bucket}/{errors[0].Key}: {errors[0].Code} {errors[0].Message}");
        }
        return keys.Count;
    }

    /// <summary>Keys of every object under the folder <paramref name="relative"/>, in listing order.</summary>
    public async Task<IReadOnlyList<string>> ListKeysAsync(string relative, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var pages = _s3.PagesAsync(new ListObjectsV2Request { BucketName = _location.Bucket, Prefix = Key(relative.TrimEnd('/') + "/") }, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        await using (pages)
        {
            while (await S3Errors.Guard(() => pages.MoveNextAsync().AsTask(), What(relative + "/"), "list"))
                keys.AddRange((pages.Current.S3Objects ?? []).Select(o => o.Key));
        }
        return keys;
    }

    /// <summary>The warehouse-relative path of one of its keys.</summary>
    public string RelativeOf(string key) => key[_location.Folder.Length..];

    public S3Path Location => _location;

    public IAmazonS3 Client => _s3;

    public ValueTask DisposeAsync()
    {
        _lock.Dispose();
        return ValueTask.CompletedTask;
    }
}
