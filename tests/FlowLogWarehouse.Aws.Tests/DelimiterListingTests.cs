using Amazon.S3;
using Amazon.S3.Model;

namespace FlowLogWarehouse.Aws.Tests;

/// <summary>
/// Delimiter listings as S3 answers them: tests/s3-server/server.mjs corrects s3rver, which leaves out folders that
/// hold only folders. The loader's date-window listing walks a bucket this way.
/// </summary>
public sealed class DelimiterListingTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.Bucket;

    private readonly IAmazonS3 _client = fixture.Server.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_folder_that_holds_only_folders_is_a_common_prefix()
    {
        await fixture.Server.PutAsync(Bucket, "nested/2024/01/a.gz", "a");
        await fixture.Server.PutAsync(Bucket, "nested/2025/02/b.gz", "b");
        await fixture.Server.PutAsync(Bucket, "nested/top.gz", "top");

        var listing = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "nested/", Delimiter = "/" });

        Assert.Equal(["nested/top.gz"], listing.S3Objects!.Select(o => o.Key));
        Assert.Equal(["nested/2024/", "nested/2025/"], listing.CommonPrefixes);
    }

    [Fact]
    public async Task The_whole_bucket_folds_into_its_top_folders()
    {
        await fixture.Server.PutAsync(Bucket, "top-a/x/y/1.gz", "1");
        await fixture.Server.PutAsync(Bucket, "top-b/2.gz", "2");

        var listing = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Delimiter = "/" });

        Assert.Contains("top-a/", listing.CommonPrefixes!);
        Assert.Contains("top-b/", listing.CommonPrefixes!);
        Assert.DoesNotContain(listing.CommonPrefixes!, p => p.Count(c => c == '/') > 1);
    }

    [Fact]
    public async Task Objects_page_with_continuation_and_folders_are_not_repeated()
    {
        foreach (var key in new[] { "paged/a.gz", "paged/b.gz", "paged/c.gz", "paged/d/e.gz" })
            await fixture.Server.PutAsync(Bucket, key, key);
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = "paged/", Delimiter = "/", MaxKeys = 2 };
        var keys = new List<string>();
        var folders = new List<string>();
        while (true)
        {
            var page = await _client.ListObjectsV2Async(request);
            keys.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            folders.AddRange(page.CommonPrefixes ?? []);
            if (page.IsTruncated != true)
                break;
            request.ContinuationToken = page.NextContinuationToken;
        }
        Assert.Equal(["paged/a.gz", "paged/b.gz", "paged/c.gz"], keys);
        Assert.Equal(["paged/d/"], folders);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task Pages_follow_the_keys_UTF8_byte_order(int maxKeys)
    {
        // Bytes: '-' < '.' < '/' < 'b', and U+FF21 (EF BC A1) < U+1F600 (F0 9F 98 80), though its UTF-16 (D83D) is lower.
        string[] keys = ["bytes/a-b", "bytes/a.txt", "bytes/a/x", "bytes/ab", "bytes/\uFF21", "bytes/\U0001F600"];
        foreach (var key in keys.Reverse())
            await fixture.Server.PutAsync(Bucket, key, key);
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = "bytes/", Delimiter = "/", MaxKeys = maxKeys };
        var listed = new List<string>();
        var folders = new List<string>();
        while (true)
        {
            var page = await _client.ListObjectsV2Async(request);
            listed.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            folders.AddRange(page.CommonPrefixes ?? []);
            if (page.IsTruncated != true)
                break;
            request.ContinuationToken = page.NextContinuationToken;
        }
        Assert.Equal(["bytes/a-b", "bytes/a.txt", "bytes/ab", "bytes/\uFF21", "bytes/\U0001F600"], listed);
        Assert.Equal(["bytes/a/"], folders);
    }
}
