using System.Net;
using Amazon.S3;
using FlowLogWarehouse.Loader.Sources.S3;

namespace FlowLogWarehouse.Loader.Tests.S3;

/// <summary>
/// How S3 failures read, for those s3rver cannot produce (it has no policies, so no AccessDenied), and which of
/// them stop a load rather than fail one object.
/// </summary>
public sealed class S3ErrorsTests
{
    private static AmazonS3Exception Error(HttpStatusCode status, string code) =>
        new($"{code} message from S3") { StatusCode = status, ErrorCode = code };

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied", "access denied (AccessDenied)")]
    [InlineData(HttpStatusCode.NotFound, "NoSuchKey", "the object vanished before it was read")]
    [InlineData(HttpStatusCode.NotFound, "NoSuchBucket", "the bucket does not exist")]
    [InlineData(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "changed after it was listed")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown", "S3 answered 503 SlowDown")]
    public void Describe_NamesWhatHappened(HttpStatusCode status, string code, string expected)
    {
        var e = Error(status, code);
        Assert.Contains(expected, S3Errors.Describe(e));
        Assert.False(S3Errors.IsUnreachable(e));
        Assert.False(S3ReadException.From(e).Unreachable);
    }

    [Fact]
    public void ConnectionRefused_IsUnreachable_AndStopsTheLoad()
    {
        var e = new HttpRequestException("Connection refused (127.0.0.1:9)", new System.Net.Sockets.SocketException(111));
        Assert.True(S3Errors.IsUnreachable(e));
        Assert.True(S3ReadException.From(e).Unreachable);
        Assert.StartsWith("S3 could not be reached", S3Errors.Describe(e));
    }
}
