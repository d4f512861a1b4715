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
        credentials ??= settings.ProfileCredentials();
        try
        {
            return credentials is null ? new AmazonEC2Client(config) : new AmazonEC2Client(credentials, config);
        }
        catch (AmazonClientException e) when (config.RegionEndpoint is null && config.ServiceURL is null)
        {
            // The SDK's own words ("No RegionEndpoint or ServiceURL configured") do not say what the user can do.
            throw new AwsSettingsException($"No AWS region is set: give --region, set AWS_REGION, or give the profile a region ({e.Message}).");
        }
    }
}
