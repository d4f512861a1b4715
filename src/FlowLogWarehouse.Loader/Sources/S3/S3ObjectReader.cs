using System.Collections.Concurrent;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogWarehouse.Loader.Decoding;

namespace FlowLogWarehouse.Loader.Sources.S3;

/// <summary>
/// Reads S3 sources: the head of an object for probing its format, and whole objects in load order through an
/// <see cref="S3Prefetch"/>. Every GET asks for the ETag that was listed, so an object replaced mid-run fails
/// rather than mixing versions. Bytes downloaded are counted per source and in total.
/// </summary>
internal sealed class S3ObjectReader(IAmazonS3 s3, int concurrency)
{
    /// <summary>
    /// Compressed bytes fetched to probe an object: its header line and first records (flow log text compresses
    /// about 5:1, and the probe reads 64 KiB of text). A smaller object is fetched whole, so twice in all.
    /// </summary>
    public const int HeadBytes = 32 * 1024;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public int Concurrency => concurrency;

    public long BytesDownloaded => _bytes.Values.Sum();

    public long BytesOf(SourceFile source) => _bytes.GetValueOrDefault(source.Id);

    /// <summary>The first bytes of an object (all of it when small, or when it is Parquet, whose schema is at its end).</summary>
    public async Task<Stream> OpenHeadAsync(SourceFile source, CancellationToken cancellationToken)
    {
        if (source.Size == 0)
            return Stream.Null; // a ranged GET of an empty object is refused (416)
        var ranged = source.Size > HeadBytes;
        var response = await GetAsync(source, ranged ? new ByteRange(0, HeadBytes - 1) : null, cancellationToken);
        if (!ranged)
            return Count(source, response);
        var head = Count(source, response);
        var magic = new byte[4];
        var n = await head.ReadAtLeastAsync(magic, 4, throwOnEndOfStream: false, cancellationToken);
        if (n == 4 && magic.AsSpan().SequenceEqual("PAR1"u8))
        {
            await head.DisposeAsync();
            return Count(source, await GetAsync(source, null, cancellationToken));
        }
        return new PrefixStream(magic, n, head);
    }

    /// <summary>Starts downloading <paramref name="order"/> ahead of the reader, at most <see cref="Concurrency"/> at once.</summary>
    public S3Prefetch Prefetch(IReadOnlyList<SourceFile> order, CancellationToken cancellationToken) =>
        new(this, order, concurrency, cancellationToken);

    /// <summary>
    /// The whole object, asked for as the range of all its bytes so the SDK does not hash it in managed code; the
    /// <see cref="WholeObjectCheck"/> makes that check where it finds something. An empty object has no range (416).
    /// </summary>
    internal async Task<Stream> OpenAsync(SourceFile source, CancellationToken cancellationToken)
    {
        var size = source.Size ?? 0;
        if (size == 0)
            return Count(source, await GetAsync(source, null, cancellationToken));
        var response = await GetAsync(source, new ByteRange(0, size - 1), cancellationToken);
        try
        {
            return new CountingStream(response, this, source.Id, WholeObjectCheck.For(response, size));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<GetObjectResponse> GetAsync(SourceFile source, ByteRange? range, CancellationToken cancellationToken)
    {
        var (bucket, key) = source.S3Object;
        var request = new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = range, EtagToMatch = source.ETag };
        try
        {
            return await s3.GetObjectAsync(request, cancellationToken);
        }
        catch (Exception e) when (S3Errors.IsS3Failure(e) && !cancellationToken.IsCancellationRequested)
        {
            throw S3ReadException.From(e);
        }
    }

    private CountingStream Count(SourceFile source, GetObjectResponse response) => new(response, this, source.Id, null);

    /// <summary>
    /// An object's body; counts what is read, turns network failures mid-body into a source error, and passes the bytes
    /// to the whole object's <paramref name="check"/> when there is one.
    /// </summary>
    private sealed class CountingStream(GetObjectResponse response, S3ObjectReader owner, string id, WholeObjectCheck? check) : ReadOnlyStreamBase
    {
        private readonly Stream _body = response.ResponseStream;

        public override int Read(Span<byte> buffer)
        {
            try
            {
                var n = _body.Read(buffer);
                owner._bytes.AddOrUpdate(id, n, (_, total) => total + n);
                check?.Observe(buffer[..n], atEnd: n == 0 && !buffer.IsEmpty);
                return n;
            }
            catch (Exception e) when (e is not S3ReadException && S3Errors.IsS3Failure(e))
            {
                throw S3ReadException.From(e, "the download broke off: ");
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                var n = await _body.ReadAsync(buffer, cancellationToken);
                owner._bytes.AddOrUpdate(id, n, (_, total) => total + n);
                check?.Observe(buffer.Span[..n], atEnd: n == 0 && !buffer.IsEmpty);
                return n;
            }
            catch (Exception e) when (e is not S3ReadException && S3Errors.IsS3Failure(e) && !cancellationToken.IsCancellationRequested)
            {
                throw S3ReadException.From(e, "the download broke off: ");
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
                check?.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// An S3 object could not be read: the source fails with this reason and the others go on, unless S3 itself was
/// out of reach (<see cref="Unreachable"/>), which stops the load.
/// </summary>
internal sealed class S3ReadException(string message, bool unreachable, Exception? inner) : IOException(message, inner)
{
    public bool Unreachable { get; } = unreachable;

    /// <summary>The object itself is at fault (not what was listed, or its bytes do not check): it fails alone.</summary>
    public static S3ReadException Corrupt(string message) => new(message, unreachable: false, inner: null);

    public static S3ReadException From(Exception e, string context = "") =>
        e as S3ReadException ?? new S3ReadException(context + S3Errors.Describe(e), S3Errors.IsUnreachable(e), e);
}
