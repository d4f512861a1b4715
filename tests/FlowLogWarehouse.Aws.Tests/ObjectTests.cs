using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace FlowLogWarehouse.Aws.Tests;

/// <summary>Plain object operations through a client made as the application makes one (S3Clients).</summary>
public sealed class ObjectTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private readonly IAmazonS3 _client = fixture.Server.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Create_bucket_put_get_list_delete()
    {
        await _client.PutBucketAsync("round-trip");
        var buckets = await _client.ListBucketsAsync();
        Assert.Contains("round-trip", buckets.Buckets!.Select(b => b.BucketName));

        await _client.PutObjectAsync(new PutObjectRequest { BucketName = "round-trip", Key = "a/one.txt", ContentBody = "one" });
        await fixture.Server.PutAsync("round-trip", "a/two.txt", "two");

        using (var get = await _client.GetObjectAsync("round-trip", "a/one.txt"))
        using (var reader = new StreamReader(get.ResponseStream))
            Assert.Equal("one", await reader.ReadToEndAsync());
        Assert.Equal("two", Encoding.UTF8.GetString(await fixture.Server.GetBytesAsync("round-trip", "a/two.txt")));
        Assert.Equal(["a/one.txt", "a/two.txt"], await fixture.Server.ListKeysAsync("round-trip", "a/"));

        await _client.DeleteObjectAsync("round-trip", "a/one.txt");
        Assert.Equal(["a/two.txt"], await fixture.Server.ListKeysAsync("round-trip"));

        // As on S3: deleting a key that is not there succeeds.
        await _client.DeleteObjectAsync("round-trip", "a/one.txt");
    }

    [Fact]
    public async Task A_delimiter_folds_deeper_keys_into_common_prefixes()
    {
        const string bucket = S3ServerFixture.Bucket;
        foreach (var key in new[] { "tree/2024/01/a.gz", "tree/2024/01/b.gz", "tree/2024/02/c.gz", "tree/2024/index.txt" })
            await fixture.Server.PutAsync(bucket, key, key);

        var year = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "tree/2024/", Delimiter = "/" });
        Assert.Equal(["tree/2024/index.txt"], year.S3Objects!.Select(o => o.Key));
        Assert.Equal(["tree/2024/01/", "tree/2024/02/"], year.CommonPrefixes!);

        var month = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "tree/2024/01/", Delimiter = "/" });
        Assert.Equal(["tree/2024/01/a.gz", "tree/2024/01/b.gz"], month.S3Objects!.Select(o => o.Key));
        // SDK v4: none is a null list, not an empty one.
        Assert.Null(month.CommonPrefixes);
    }

    [Fact]
    public async Task An_empty_listing_has_null_lists()
    {
        var listing = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3ServerFixture.Bucket, Prefix = "nothing-here/" });

        Assert.Null(listing.S3Objects);
        Assert.Null(listing.CommonPrefixes);
        Assert.Equal(0, listing.KeyCount);
        Assert.False(listing.IsTruncated);
        Assert.Empty(await fixture.Server.ListKeysAsync(S3ServerFixture.Bucket, "nothing-here/"));
    }

    [Fact]
    public async Task Pages_of_MaxKeys_objects_follow_the_continuation_token()
    {
        const string bucket = S3ServerFixture.Bucket;
        var keys = Enumerable.Range(0, 7).Select(i => $"pages/{i:D2}.gz").ToList();
        foreach (var key in keys)
            await fixture.Server.PutAsync(bucket, key, key);

        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = "pages/", MaxKeys = 3 };
        var pages = new List<List<string>>();
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request);
            pages.Add(page.S3Objects!.Select(o => o.Key).ToList());
            Assert.Equal(pages[^1].Count, page.KeyCount);
            Assert.Equal(page.IsTruncated == true, page.NextContinuationToken is not null);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(keys, pages.SelectMany(p => p));
        Assert.Equal(keys, await fixture.Server.ListKeysAsync(bucket, "pages/"));
    }

    [Fact]
    public async Task Missing_keys_and_buckets_are_404s_with_S3s_error_codes()
    {
        const string bucket = S3ServerFixture.Bucket;

        var noKey = await Assert.ThrowsAsync<NoSuchKeyException>(() => _client.GetObjectAsync(bucket, "missing/key"));
        Assert.Equal(HttpStatusCode.NotFound, noKey.StatusCode);
        Assert.Equal("NoSuchKey", noKey.ErrorCode);

        // A HEAD response has no body to carry a code: the SDK names it after the status, and no subclass.
        var noHead = await Assert.ThrowsAsync<AmazonS3Exception>(() => _client.GetObjectMetadataAsync(bucket, "missing/key"));
        Assert.Equal(HttpStatusCode.NotFound, noHead.StatusCode);
        Assert.Equal("NotFound", noHead.ErrorCode);

        // Only operations whose model lists NoSuchBucket get the subclass; the code is there either way.
        var noBucket = await Assert.ThrowsAsync<NoSuchBucketException>(() => _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "no-such-bucket" }));
        Assert.Equal(HttpStatusCode.NotFound, noBucket.StatusCode);
        Assert.Equal("NoSuchBucket", noBucket.ErrorCode);
        var noBucketPut = await Assert.ThrowsAsync<AmazonS3Exception>(() => fixture.Server.PutAsync("no-such-bucket", "a", "a"));
        Assert.Equal("NoSuchBucket", noBucketPut.ErrorCode);
        var noBucketGet = await Assert.ThrowsAsync<AmazonS3Exception>(() => fixture.Server.GetBytesAsync("no-such-bucket", "a"));
        Assert.Equal("NoSuchBucket", noBucketGet.ErrorCode);
    }

    [Fact]
    public async Task A_byte_range_reads_part_of_an_object()
    {
        await fixture.Server.PutAsync(S3ServerFixture.Bucket, "range/digits.txt", "0123456789");

        using var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = S3ServerFixture.Bucket, Key = "range/digits.txt", ByteRange = new ByteRange(2, 4) });
        using var reader = new StreamReader(response.ResponseStream);

        Assert.Equal(HttpStatusCode.PartialContent, response.HttpStatusCode);
        Assert.Equal("234", await reader.ReadToEndAsync());
        Assert.Equal("bytes 2-4/10", response.ContentRange);
    }

    [Fact]
    public async Task Deleting_a_bucket_that_holds_objects_is_a_conflict()
    {
        await _client.PutBucketAsync("not-empty");
        await fixture.Server.PutAsync("not-empty", "a", "a");

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => _client.DeleteBucketAsync("not-empty"));
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("BucketNotEmpty", error.ErrorCode);

        var deleted = await _client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = "not-empty", Objects = [new() { Key = "a" }, new() { Key = "never-there" }] });
        Assert.Equal(2, deleted.DeletedObjects!.Count);
        Assert.Null(deleted.DeleteErrors);
        await _client.DeleteBucketAsync("not-empty");
        var buckets = await _client.ListBucketsAsync();
        Assert.DoesNotContain("not-empty", buckets.Buckets!.Select(b => b.BucketName));
    }
}
