using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace FlowLogWarehouse.Aws.Tests;

public sealed class MultipartTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly IAmazonS3 _client = fixture.Server.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_TransferUtility_multipart_upload_comes_back_byte_identical()
    {
        var content = new byte[12 * MiB];
        new Random(12).NextBytes(content);
        // TransferUtility puts objects under 16 MiB in one request unless told otherwise.
        using var transfer = new TransferUtility(_client, new TransferUtilityConfig { MinSizeBeforePartUpload = 5 * MiB });

        var upload = await transfer.UploadWithResponseAsync(new TransferUtilityUploadRequest
        {
            BucketName = S3ServerFixture.Bucket,
            Key = "big/12mib.bin",
            InputStream = new MemoryStream(content),
            PartSize = 5 * MiB,
        });

        // Only CompleteMultipartUpload answers with a Location; a single PutObject does not.
        Assert.NotNull(upload.Location);
        Assert.Equal(content, await fixture.Server.GetBytesAsync(S3ServerFixture.Bucket, "big/12mib.bin"));
        var head = await _client.GetObjectMetadataAsync(S3ServerFixture.Bucket, "big/12mib.bin");
        Assert.Equal(content.Length, head.ContentLength);
        Assert.Equal(upload.ETag, head.ETag);
    }

    [Fact]
    public async Task Parts_are_assembled_in_part_number_order()
    {
        const string key = "big/parts.bin";
        byte[][] parts = [Filled(5 * MiB, 1), Filled(5 * MiB, 2), Filled(7, 3)];
        var started = await _client.InitiateMultipartUploadAsync(S3ServerFixture.Bucket, key);
        var etags = new PartETag[parts.Length];
        // Uploaded last part first: the order of the requests must not matter, only the numbers.
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var part = await _client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = S3ServerFixture.Bucket,
                Key = key,
                UploadId = started.UploadId,
                PartNumber = i + 1,
                InputStream = new MemoryStream(parts[i]),
            });
            etags[i] = new PartETag(i + 1, part.ETag);
        }

        await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = S3ServerFixture.Bucket,
            Key = key,
            UploadId = started.UploadId,
            PartETags = [.. etags],
        });

        byte[] whole = [.. parts[0], .. parts[1], .. parts[2]];
        Assert.Equal(whole, await fixture.Server.GetBytesAsync(S3ServerFixture.Bucket, key));
    }

    private static byte[] Filled(int length, byte value)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
