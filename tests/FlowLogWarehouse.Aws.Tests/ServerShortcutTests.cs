using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace FlowLogWarehouse.Aws.Tests;

/// <summary>
/// server.mjs answers some of s3rver's work itself to spend less CPU on the cores under test: bucket lookups
/// (bucket-lookups.mjs), object bodies read 1 MiB at a time (object-reads.mjs), no request logging. The answers must be
/// s3rver's.
/// </summary>
public sealed class ServerShortcutTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.Bucket;

    // Three whole 1 MiB reads and a partial one.
    private static readonly byte[] Body = Enumerable.Range(0, (3 << 20) + 12_345).Select(i => (byte)(i * 31 % 251)).ToArray();

    private readonly IAmazonS3 _client = fixture.Server.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task An_object_of_several_reads_comes_back_whole()
    {
        await fixture.Server.PutAsync(Bucket, "reads/whole.bin", Body);

        using var get = await _client.GetObjectAsync(Bucket, "reads/whole.bin");

        Assert.Equal(Body.Length, get.ContentLength);
        Assert.Equal(Body, await ReadAllAsync(get));
    }

    [Theory]
    [InlineData(0, (1 << 20) - 1)]
    [InlineData((1 << 20) - 3, (1 << 20) + 2)]
    [InlineData(5, (3 << 20) + 12_344)]
    [InlineData((3 << 20) + 12_000, (3 << 20) + 12_344)]
    public async Task A_range_across_read_boundaries_is_exactly_its_bytes(long first, long last)
    {
        await fixture.Server.PutAsync(Bucket, "reads/ranged.bin", Body);

        using var get = await _client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "reads/ranged.bin", ByteRange = new ByteRange(first, last) });

        Assert.Equal(HttpStatusCode.PartialContent, get.HttpStatusCode);
        Assert.Equal($"bytes {first}-{last}/{Body.Length}", get.ContentRange);
        Assert.Equal(Body[(int)first..(int)(last + 1)], await ReadAllAsync(get));
    }

    [Fact]
    public async Task A_range_past_the_end_is_InvalidRange_and_an_empty_object_is_empty()
    {
        await fixture.Server.PutAsync(Bucket, "reads/short.bin", Body[..10]);
        await fixture.Server.PutAsync(Bucket, "reads/empty.bin", Array.Empty<byte>());

        var past = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            _client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "reads/short.bin", ByteRange = new ByteRange(20, 30) }));
        using var empty = await _client.GetObjectAsync(Bucket, "reads/empty.bin");

        Assert.Equal("InvalidRange", past.ErrorCode);
        Assert.Empty(await ReadAllAsync(empty));
    }

    [Fact]
    public async Task A_bucket_configuration_that_exists_is_still_s3rvers_to_read()
    {
        var rule = new CORSRule { Id = "everyone", AllowedMethods = ["GET"], AllowedOrigins = ["*"] };
        await _client.PutCORSConfigurationAsync(new PutCORSConfigurationRequest { BucketName = Bucket, Configuration = new CORSConfiguration { Rules = [rule] } });
        try
        {
            var cors = await _client.GetCORSConfigurationAsync(Bucket);

            Assert.Equal(["GET"], Assert.Single(cors.Configuration.Rules!).AllowedMethods);
        }
        finally
        {
            await _client.DeleteCORSConfigurationAsync(Bucket);
        }
        var none = await Assert.ThrowsAsync<AmazonS3Exception>(() => _client.GetCORSConfigurationAsync(Bucket));
        Assert.Equal("NoSuchCORSConfiguration", none.ErrorCode);
    }

    private static async Task<byte[]> ReadAllAsync(GetObjectResponse response)
    {
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
