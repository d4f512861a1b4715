using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogWarehouse.Loader.Sources.S3;

namespace FlowLogWarehouse.Loader.Tests.S3;

/// <summary>
/// An object's bytes are checked as they arrive: a body changed on the server behind an unchanged ETag and size fails
/// its source alone, whether the change would break the format (gzip) or not (a digit in a plain-text record).
/// </summary>
public sealed class S3ObjectCheckTests(S3Fixture s3) : IClassFixture<S3Fixture>, IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string Record = "2 123456789012 eni-0a1b2c3d4e5f60789 10.0.0.1 10.0.0.2 443 49152 6 10 8400 1793491200 1793491260 ACCEPT OK";

    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    private Task<LoadSummary> Load(string bucket) =>
        _s.LoadAsync(o => o with { Aws = s3.Server.Settings }, $"s3://{bucket}/");

    /// <summary>s3rver keeps an object's bytes in a file of their own and its ETag beside them: change one byte in place.</summary>
    private void FlipOnServer(string bucket, string key, Func<byte[], int> at)
    {
        var path = Path.Combine(s3.Server.DataDirectory, bucket, key + "._S3rver_object");
        var bytes = File.ReadAllBytes(path);
        var i = at(bytes);
        bytes[i] = bytes[i] == (byte)'0' ? (byte)'1' : (byte)(bytes[i] ^ 0x01);
        File.WriteAllBytes(path, bytes);
    }

    private static byte[] PlainText(int records) =>
        Encoding.ASCII.GetBytes(Header + "\n" + string.Concat(Enumerable.Repeat(Record + "\n", records)));

    [Fact]
    public async Task PlainTextChangedBehindItsETag_FailsAlone_TheOthersLoad()
    {
        var bucket = await s3.NewBucketAsync("md5text");
        var logs = s3.Uploads.On(S3Uploads.FirstDay).ToList();
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, logs);
        // 2,000 records, ~220 KB: past the probe's head, so only the whole read sees the changed byte.
        await s3.Server.PutAsync(bucket, "text/flows.log", PlainText(2_000));
        // A digit of the last record's byte count: the line still parses, so only the ETag can tell.
        FlipOnServer(bucket, "text/flows.log", b => Encoding.ASCII.GetString(b).LastIndexOf("8400", StringComparison.Ordinal) + 3);

        var summary = await Load(bucket);

        var failed = Assert.Single(summary.Sources, s => s.Outcome == SourceOutcome.Failed);
        Assert.Equal($"s3://{bucket}/text/flows.log", failed.Source);
        Assert.Contains("do not match the object's ETag", failed.Error);
        Assert.Equal(logs.Sum(l => l.Records), _s.Count());
        Assert.Equal(0, _s.Count("bytes = 8401"));
        Assert.True(summary.Committed);
    }

    [Fact]
    public async Task GzipChangedBehindItsETag_FailsAlone_TheOthersLoad()
    {
        var bucket = await s3.NewBucketAsync("md5gzip");
        var logs = s3.Uploads.On(S3Uploads.FirstDay).ToList();
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, logs);
        var broken = logs[4];
        var key = S3Uploads.KeyOf(broken, KeyLayout.Default);
        // The trailer's CRC-32: every record inflates fine, only the check of the inflated bytes fails.
        FlipOnServer(bucket, key, b => b.Length - 8);

        var summary = await Load(bucket);

        var failed = Assert.Single(summary.Sources, s => s.Outcome == SourceOutcome.Failed);
        Assert.Equal($"s3://{bucket}/{key}", failed.Source);
        Assert.Contains("gzip", failed.Error);
        Assert.Equal(logs.Sum(l => l.Records) - broken.Records, _s.Count());
    }

    [Fact]
    public async Task PlainTextUnchanged_LoadsWhole_ThroughTheRangedGet()
    {
        var bucket = await s3.NewBucketAsync("md5ok");
        await s3.Server.PutAsync(bucket, "text/flows.log", PlainText(2_000));

        var summary = await Load(bucket);

        Assert.Equal(2_000, summary.Rows);
        Assert.Equal(PlainText(2_000).Length, Assert.Single(summary.Sources).BytesDownloaded - S3ObjectReader.HeadBytes);
    }

    [Fact]
    public void For_RangeShortOfTheListedSize_Throws()
    {
        var response = new GetObjectResponse { HttpStatusCode = HttpStatusCode.PartialContent, ContentRange = "bytes 0-99/100", ETag = "\"x\"" };

        var e = Assert.Throws<S3ReadException>(() => WholeObjectCheck.For(response, 120));

        Assert.Equal("S3 answered 206 with bytes 0-99/100 for the whole object, listed with 120 bytes", e.Message);
        Assert.False(e.Unreachable);
    }

    [Fact]
    public void For_ServerIgnoringTheRange_TakesTheWholeBody()
    {
        var response = new GetObjectResponse { HttpStatusCode = HttpStatusCode.OK, ContentLength = 120 };

        using var check = WholeObjectCheck.For(response, 120);
        check.Observe(new byte[120], atEnd: false);
        check.Observe([], atEnd: true);
    }

    [Fact]
    public void Observe_BodyEndingShort_Throws()
    {
        var response = new GetObjectResponse { HttpStatusCode = HttpStatusCode.PartialContent, ContentRange = "bytes 0-119/120" };
        using var check = WholeObjectCheck.For(response, 120);

        check.Observe(new byte[100], atEnd: false);
        var e = Assert.Throws<S3ReadException>(() => check.Observe([], atEnd: true));

        Assert.Equal("the download ended after 100 of its 120 bytes", e.Message);
    }

    [Theory]
    [InlineData("\"0cc175b9c0f1b6a831c399e269772661\"", null, true)]
    [InlineData("\"0cc175b9c0f1b6a831c399e269772661-2\"", null, false)] // multipart
    [InlineData("\"0cc175b9c0f1b6a831c399e269772661\"", "arn:aws:kms:us-east-1:123456789012:key/k", false)]
    [InlineData("\"not-hex-not-hex-not-hex-not-hex!\"", null, false)]
    public void Md5Of_OnlyAPlainMd5ETag(string etag, string? kmsKey, bool isMd5)
    {
        var response = new GetObjectResponse { ETag = etag, ServerSideEncryptionKeyManagementServiceKeyId = kmsKey };

        Assert.Equal(isMd5, WholeObjectCheck.Md5Of(response) is not null);
    }

    [Fact]
    public void Observe_GzipBodyWithAWrongMd5_IsLeftToTheGzipTrailer()
    {
        var response = new GetObjectResponse
        {
            HttpStatusCode = HttpStatusCode.PartialContent, ContentRange = "bytes 0-3/4", ETag = "\"0cc175b9c0f1b6a831c399e269772661\"",
        };
        using var gzip = WholeObjectCheck.For(response, 4);
        using var text = WholeObjectCheck.For(response, 4);

        // Split reads: the magic is recognised across them.
        gzip.Observe([0x1f], atEnd: false);
        gzip.Observe([0x8b, 8, 0], atEnd: false);
        gzip.Observe([], atEnd: true);
        text.Observe("abcd"u8, atEnd: false);

        Assert.Throws<S3ReadException>(() => text.Observe([], atEnd: true));
    }
}
