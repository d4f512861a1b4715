using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace FlowLogWarehouse.Aws.Tests;

/// <summary>
/// Where s3rver 4.0.4 answers differently from S3. Code tested against it must not depend on these answers; if an
/// upgrade makes one of these tests fail, s3rver came closer to S3 and tests/s3-server/README.md needs the update.
/// </summary>
public sealed class S3rverQuirkTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.Bucket;

    private readonly IAmazonS3 _client = fixture.Server.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Keys_with_a_character_below_slash_list_out_of_order_and_page_wrongly()
    {
        foreach (var key in new[] { "order/a/x", "order/a-b", "order/a.txt", "order/ab" })
            await fixture.Server.PutAsync(Bucket, key, key);

        var all = await fixture.Server.ListKeysAsync(Bucket, "order/");
        // S3 lists UTF-8 byte order: a-b, a.txt, a/x, ab. s3rver walks directories, and "a/" comes before "a-b".
        Assert.Equal(["order/a/x", "order/a-b", "order/a.txt", "order/ab"], all);

        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = "order/", MaxKeys = 1 };
        var paged = new List<string>();
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request);
            paged.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        // The token resumes after the last key by string order, so keys listed after a greater one are skipped.
        Assert.Equal(["order/a/x", "order/ab"], paged);
    }

    [Fact]
    public async Task A_multipart_ETag_is_the_MD5_of_the_whole_object()
    {
        var parts = new[] { new byte[5 * 1024 * 1024], "tail"u8.ToArray() };
        new Random(5).NextBytes(parts[0]);
        var started = await _client.InitiateMultipartUploadAsync(Bucket, "etag/multipart.bin");
        var etags = new List<PartETag>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = await _client.UploadPartAsync(new UploadPartRequest { BucketName = Bucket, Key = "etag/multipart.bin", UploadId = started.UploadId, PartNumber = i + 1, InputStream = new MemoryStream(parts[i]) });
            Assert.Equal(QuotedMd5(parts[i]), part.ETag);
            etags.Add(new PartETag(i + 1, part.ETag));
        }

        var completed = await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = Bucket, Key = "etag/multipart.bin", UploadId = started.UploadId, PartETags = etags });

        // S3: the MD5 of the parts' binary MD5s, then "-2". A loader cannot tell a multipart object by its ETag here.
        var whole = QuotedMd5([.. parts[0], .. parts[1]]);
        Assert.Equal(whole, completed.ETag);
        Assert.Equal(whole, (await _client.GetObjectMetadataAsync(Bucket, "etag/multipart.bin")).ETag);
    }

    [Fact]
    public async Task A_conditional_write_overwrites_anyway()
    {
        await fixture.Server.PutAsync(Bucket, "conditional/a.txt", "first");

        // S3: 412 PreconditionFailed, since the key exists. No test here can show a lost race of two writers.
        var put = await _client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "conditional/a.txt", ContentBody = "second", IfNoneMatch = "*" });

        Assert.Equal(HttpStatusCode.OK, put.HttpStatusCode);
        Assert.Equal("second"u8.ToArray(), await fixture.Server.GetBytesAsync(Bucket, "conditional/a.txt"));
    }

    [Fact]
    public async Task CopyObject_works_through_our_decoding_of_the_copy_source()
    {
        const string source = "copy/aws-account-id=123/source.txt";
        await fixture.Server.PutAsync(Bucket, source, "source");

        // SDK v4 sends x-amz-copy-source as "fixture%2Fcopy%2Faws-account-id%3D123…"; s3rver alone decodes it with
        // decodeURI, which leaves %2F and %3D, and answers NoSuchBucket. server.mjs decodes it fully first, as S3 does.
        await _client.CopyObjectAsync(Bucket, source, Bucket, "copy/hour=01/target.txt");

        Assert.Equal("source"u8.ToArray(), await fixture.Server.GetBytesAsync(Bucket, "copy/hour=01/target.txt"));
    }

    [Fact]
    public async Task Listing_multipart_uploads_is_not_implemented()
    {
        // So TransferUtility.AbortMultipartUploadsAsync, which lists them first, fails here too.
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => _client.ListMultipartUploadsAsync(Bucket));

        Assert.Equal(HttpStatusCode.NotImplemented, error.StatusCode);
        Assert.Equal("NotImplemented", error.ErrorCode);
    }

    [Fact]
    public async Task The_access_key_is_checked_but_not_the_signature()
    {
        // server.mjs sets allowMismatchedSignatures: any secret goes with the S3RVER key, another key does not.
        using var wrongSecret = S3Clients.Create(fixture.Server.Settings, credentials: new BasicAWSCredentials("S3RVER", "not-the-secret"));
        using var wrongKey = S3Clients.Create(fixture.Server.Settings, credentials: new BasicAWSCredentials("AKIAWRONGKEY", "S3RVER"));

        await wrongSecret.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => wrongKey.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("InvalidAccessKeyId", error.ErrorCode);
    }

    private static string QuotedMd5(byte[] content) => $"\"{Convert.ToHexStringLower(MD5.HashData(content))}\"";
}
