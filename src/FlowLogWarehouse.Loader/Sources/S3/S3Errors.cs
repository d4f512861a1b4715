using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace FlowLogWarehouse.Loader.Sources.S3;

/// <summary>
/// S3 failures as sentences a user can act on. The SDK's messages name the request, never the credentials; ours add
/// what was being done and to which object.
/// </summary>
internal static class S3Errors
{
    /// <summary>Runs a call that the whole load depends on (listing, the warehouse's own files): failure ends the load.</summary>
    public static async Task<T> Guard<T>(Func<Task<T>> call, string what, string action)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsS3Failure(e))
        {
            throw new LoadFailedException($"Could not {action} {what}: {Describe(e)}");
        }
    }

    /// <summary>
    /// S3 itself is out of reach (connection refused or reset, DNS, timeout): not one object's fault, so the load stops
    /// rather than marking every remaining object failed.
    /// </summary>
    public static bool IsUnreachable(Exception e) =>
        e is TaskCanceledException || (e is not AmazonServiceException && Unreachable(e) is not null);

    public static bool IsS3Failure(Exception e) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
        || (e is TaskCanceledException && e.InnerException is TimeoutException);

    public static string Describe(Exception e) => e switch
    {
        AmazonS3Exception { ErrorCode: "NoSuchBucket" } => "the bucket does not exist",
        AmazonS3Exception { ErrorCode: "NoSuchKey" } or AmazonS3Exception { StatusCode: HttpStatusCode.NotFound } =>
            "the object vanished before it was read",
        AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } s =>
            $"access denied ({s.ErrorCode}): the credentials in use lack the permission, or the bucket policy refuses it",
        AmazonS3Exception { StatusCode: HttpStatusCode.PreconditionFailed } =>
            "the object changed after it was listed; the next run loads its new version",
        AmazonServiceException s => $"S3 answered {(int)s.StatusCode} {s.ErrorCode}: {s.Message}",
        TaskCanceledException => "S3 did not answer in time",
        _ when Unreachable(e) is { } reason => $"S3 could not be reached ({reason})",
        AmazonClientException c => c.Message,
        _ => e.Message,
    };

    private static string? Unreachable(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is HttpRequestException or System.Net.Sockets.SocketException)
                return inner.Message;
        return null;
    }
}
