using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace FlowLogWarehouse.Aws;

/// <summary>ListObjectsV2 page after page. SDK v4 leaves S3Objects and CommonPrefixes null on an empty page.</summary>
public static class S3Listing
{
    public static async IAsyncEnumerable<ListObjectsV2Response> PagesAsync(
        this IAmazonS3 s3, ListObjectsV2Request request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            yield return page;
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
                yield break;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }
}
