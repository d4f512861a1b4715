using Amazon.Runtime;
using Amazon.S3;

namespace FlowLogWarehouse.Aws;

/// <summary>S3 clients from <see cref="AwsSettings"/>.</summary>
public static class S3Clients
{
    /// <summary>
    /// <paramref name="credentials"/>, when given, win over the profile and the default chain: a local test server
    /// takes only its own fixed key.
    /// </summary>
    public static IAmazonS3 Create(AwsSettings settings, int maxConnections = 16, AWSCredentials? credentials = null)
    {
        var config = new AmazonS3Config
        {
            // Path style works with every S3-compatible store; virtual-hosted style needs DNS per bucket.
            ForcePathStyle = settings.EndpointUrl is not null,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxConnectionsPerServer = maxConnections,
            Timeout = TimeSpan.FromMinutes(5),
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 3,
        };
        settings.Apply(config);
        credentials ??= settings.ProfileCredentials();
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }
}
