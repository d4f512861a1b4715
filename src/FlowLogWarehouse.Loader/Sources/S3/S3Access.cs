using System.Net;
using Amazon.S3;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Loader.Sources.S3;

/// <summary>The S3 client of a load, made only when an input or the warehouse is on S3.</summary>
internal sealed class S3Access(AwsSettings settings, int concurrency) : IDisposable
{
    private readonly Lock _gate = new();
    private IAmazonS3? _client;
    private S3ObjectReader? _reader;
    private S3SourceLister? _lister;

    /// <summary>Made on first use, once: the inputs are listed while the warehouse opens, both through it.</summary>
    public IAmazonS3 Client
    {
        get
        {
            lock (_gate)
                return _client ??= S3Clients.Create(settings, maxConnections: concurrency * 2);
        }
    }

    public S3ObjectReader Reader => _reader ??= new S3ObjectReader(Client, concurrency);

    public S3ObjectReader? ReaderIfUsed => _reader;

    /// <summary>The load's one lister, which remembers the prefixes it listed.</summary>
    public S3SourceLister Lister => _lister ??= new S3SourceLister(Client, concurrency);

    public S3SourceLister? ListerIfUsed => _lister;

    /// <summary>An object as it is now (for a reload that must re-read a batch's other sources); null when gone.</summary>
    public async Task<SourceFile?> HeadAsync(string id, CancellationToken cancellationToken)
    {
        var location = S3Path.Parse(id);
        try
        {
            var head = await Client.GetObjectMetadataAsync(location.Bucket, location.Prefix, cancellationToken);
            return SourceFile.ForS3Object(location.Bucket, location.Prefix, head.ContentLength, head.LastModified?.ToUniversalTime(), head.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (S3Errors.IsS3Failure(e))
        {
            throw new LoadFailedException($"Could not look at {id}: {S3Errors.Describe(e)}");
        }
    }

    public void Dispose() => _client?.Dispose();
}
