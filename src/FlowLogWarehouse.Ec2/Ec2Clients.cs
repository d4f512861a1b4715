using Amazon.EC2;
using Amazon.Runtime;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Ec2;

/// <summary>EC2 clients from <see cref="AwsSettings"/>, as <see cref="S3Clients"/> builds S3's.</summary>
public static class Ec2Clients
{
    /// <summary><paramref name="credentials"/>, when given, win over the profile and the default chain.</summary>
    public static IAmazonEC2 Create(AwsSettings settings, AWSCredentials? credentials = null)
    {
        var config = new AmazonEC2Config
        {
            Timeout = TimeSpan.FromSeconds(60),
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 3,
        };
        settings.Apply(config);
        var chained = settings.RegionEndpoint() is null ? FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false) : null;
        // With an endpoint URL, AwsSettings signs for the region given (else us-east-1, which S3-compatible stores take);
        // EC2 checks the scope, so the SDK's own chain (AWS_REGION, the profile) decides first, as the AWS CLI's would.
        if (settings.EndpointUrl is not null && chained is not null)
            config.AuthenticationRegion = chained.SystemName;
        // The SDK's words for these two ("No RegionEndpoint or ServiceURL configured", four chained credential errors)
        // do not say what the user can do.
        if (config.RegionEndpoint is null && config.ServiceURL is null && chained is null)
            throw new AwsSettingsException("No AWS region is set: give --region, set AWS_REGION, or give the profile a region.");
        credentials ??= settings.ProfileCredentials();
        try
        {
            return credentials is null ? new AmazonEC2Client(config) : new AmazonEC2Client(credentials, config);
        }
        catch (AmazonClientException e) when (credentials is null)
        {
            // The client resolves the default chain when it is built, before any request is made.
            throw new AwsSettingsException("No AWS credentials were found: give --profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (--verbose shows where the SDK looked).", e);
        }
    }
}
