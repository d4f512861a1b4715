using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.TestSupport;

/// <summary>Arranging and checking objects in a test, through one client kept for the server's lifetime.</summary>
public sealed partial class S3Server
{
    private IAmazonS3? _client;

    private IAmazonS3 Client => _client ?? throw new InvalidOperationException("The S3 server has not started.");

    public Task PutAsync(string bucket, string key, string text) => PutAsync(bucket, key, Encoding.UTF8.GetBytes(text));

    public async Task PutAsync(string bucket, string key, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        await Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = stream });
    }

    public async Task<byte[]> GetBytesAsync(string bucket, string key)
    {
        using var response = await Client.GetObjectAsync(bucket, key);
        using var content = new MemoryStream();
        await response.ResponseStream.CopyToAsync(content);
        return content.ToArray();
    }

    /// <summary>Every key under <paramref name="prefix"/>, over all pages, in the order the server lists them.</summary>
    public async Task<IReadOnlyList<string>> ListKeysAsync(string bucket, string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var page in Client.PagesAsync(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix }, CancellationToken.None))
            keys.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
        return keys;
    }
}
