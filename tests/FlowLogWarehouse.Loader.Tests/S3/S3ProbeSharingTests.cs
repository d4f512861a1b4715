namespace FlowLogWarehouse.Loader.Tests.S3;

/// <summary>
/// One probe per flow log: the objects of a flow log inherit its plan, and one whose content does not fit is
/// probed on its own and loaded exactly, never misread.
/// </summary>
public sealed class S3ProbeSharingTests(S3Fixture s3) : IClassFixture<S3Fixture>, IDisposable
{
    private const string Folder = "AWSLogs/123456789012/vpcflowlogs/eu-west-3/2026/11/01/";
    private const string V2 = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string V2Record = "2 123456789012 eni-0a1b2c3d 10.0.0.1 10.0.0.2 443 49152 6 10 840 1761955200 1761955260 ACCEPT OK";
    private const string Other = "version interface-id srcaddr bytes start vpc-id";
    private const string OtherRecord = "5 eni-0a1b2c3d 10.0.0.9 77 1761955300 vpc-0123abcd";
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    private static string Name(string stamp) => $"123456789012_vpcflowlogs_eu-west-3_fl-0a1b2c3d4e5f60789_20261101T{stamp}Z_ab12cd34.log.gz";

    private static byte[] Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(System.Text.Encoding.ASCII.GetBytes(text));
        return output.ToArray();
    }

    [Fact]
    public async Task ObjectsOfOneFlowLog_AreProbedOnce()
    {
        var bucket = await s3.NewBucketAsync("sharing");
        var logs = s3.Uploads.On(S3Uploads.FirstDay).ToList();
        await s3.Uploads.UploadAsync(s3.Server, bucket, KeyLayout.Default, logs);

        var summary = await _s.LoadAsync(o => o with { Aws = s3.Server.Settings }, $"s3://{bucket}/");

        var sizes = logs.Sum(l => new FileInfo(l.Path).Length);
        Assert.InRange(summary.BytesDownloaded, sizes, sizes + Sources.S3.S3ObjectReader.HeadBytes);
        Assert.Equal(logs.Sum(l => l.Records), _s.Count());
    }

    [Fact]
    public async Task AnObjectWithAnotherHeader_IsProbedOnItsOwn_AndLoadsExactly()
    {
        var bucket = await s3.NewBucketAsync("mismatch");
        await s3.Server.PutAsync(bucket, Folder + Name("0000"), Gzip($"{V2}\n{V2Record}\n{V2Record}\n"));
        await s3.Server.PutAsync(bucket, Folder + Name("0005"), Gzip($"{Other}\n{OtherRecord}\n"));
        await s3.Server.PutAsync(bucket, Folder + Name("0010"), Gzip($"{V2}\n{V2Record}\n"));

        var summary = await _s.LoadAsync(o => o with { Aws = s3.Server.Settings }, $"s3://{bucket}/");

        Assert.Equal(0, summary.SourcesFailed);
        Assert.Equal(4, summary.Rows);
        Assert.Equal(0, summary.Quarantined);
        Scratch.AssertAccounted(summary);
        Assert.Equal([["vpc-0123abcd", 77L]], _s.Query("SELECT vpc_id, bytes FROM flow_logs WHERE vpc_id IS NOT NULL"));
        Assert.Equal(3L, _s.Count("vpc_id IS NULL AND bytes = 840"));
    }
}
