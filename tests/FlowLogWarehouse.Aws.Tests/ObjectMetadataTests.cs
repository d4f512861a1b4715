using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace FlowLogWarehouse.Aws.Tests;

/// <summary>
/// What the server reports about an object (ETag, size, stored headers): tests/s3-server/object-metadata.mjs reads it
/// from s3rver's files itself, and leaves an object without its MD5 file to s3rver.
/// </summary>
public sealed class ObjectMetadataTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.Bucket;

    private readonly IAmazonS3 _client = fixture.Server.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Listing_and_head_report_the_ETag_size_and_stored_headers()
    {
        var body = "flow records\n";
        var put = new PutObjectRequest { BucketName = Bucket, Key = "meta/headers.txt", ContentBody = body, ContentType = "text/plain" };
        put.Metadata.Add("origin", "test");
        await _client.PutObjectAsync(put);

        var listed = Assert.Single((await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "meta/headers" })).S3Objects!);
        var head = await _client.GetObjectMetadataAsync(Bucket, "meta/headers.txt");

        Assert.Equal(Md5ETag(body), listed.ETag);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), listed.Size);
        Assert.Equal(Md5ETag(body), head.ETag);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), head.ContentLength);
        Assert.Equal("text/plain", head.Headers.ContentType);
        Assert.Equal("test", head.Metadata["origin"]);
        Assert.Equal(listed.LastModified, head.LastModified);
    }

    [Fact]
    public async Task An_object_without_its_MD5_file_gets_the_MD5_of_its_bytes_as_ETag()
    {
        var body = "no md5 file\n";
        await fixture.Server.PutAsync(Bucket, "meta/bare.txt", body);
        var md5File = Path.Combine(fixture.Server.DataDirectory, Bucket, "meta", "bare.txt._S3rver_object.md5");
        Assert.True(File.Exists(md5File), $"s3rver no longer keeps the ETag in {md5File}: this test needs another way to lose it");
        File.Delete(md5File);

        var listed = Assert.Single((await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "meta/bare" })).S3Objects!);
        using var get = await _client.GetObjectAsync(Bucket, "meta/bare.txt");

        Assert.Equal(Md5ETag(body), listed.ETag);
        Assert.Equal(Md5ETag(body), get.ETag);
        Assert.True(File.Exists(md5File));
    }

    private static string Md5ETag(string body) => $"\"{Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)))}\"";
}
