using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace FlowLogWarehouse.Aws;

/// <summary>
/// AWS settings as the AWS CLI takes them: <c>--profile</c>, <c>--region</c>, <c>--endpoint-url</c>; anything not given
/// comes from the SDK's default chain (environment, shared config and credentials files, container, instance).
/// </summary>
public sealed record AwsSettings
{
    public string? Profile { get; init; }

    public string? Region { get; init; }

    /// <summary>An S3-compatible store or a local test server; path-style addressing is used with it.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>The credentials of <see cref="Profile"/>, or null to let each client resolve the default chain.</summary>
    public AWSCredentials? ProfileCredentials()
    {
        if (Profile is null)
            return null;
        if (!new CredentialProfileStoreChain().TryGetAWSCredentials(Profile, out var credentials))
            throw new AwsSettingsException($"The AWS profile '{Profile}' was not found in the shared config or credentials files.");
        return credentials;
    }

    /// <summary>The region of <see cref="Profile"/> when no region was given; null leaves it to the SDK's chain.</summary>
    public RegionEndpoint? RegionEndpoint()
    {
        if (Region is not null)
            return Amazon.RegionEndpoint.GetBySystemName(Region);
        if (Profile is not null && new CredentialProfileStoreChain().TryGetProfile(Profile, out var profile) && profile.Region is not null)
            return profile.Region;
        return null;
    }

    /// <summary>Sets region and endpoint on a client config; checksums only where S3 requires them, as other stores do.</summary>
    public void Apply(ClientConfig config)
    {
        var region = RegionEndpoint();
        if (EndpointUrl is not null)
        {
            if (!Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw new AwsSettingsException($"--endpoint-url '{EndpointUrl}' is not an http(s) URL.");
            config.ServiceURL = EndpointUrl;
            config.AuthenticationRegion = region?.SystemName ?? "us-east-1";
        }
        else if (region is not null)
        {
            config.RegionEndpoint = region;
        }
    }

    /// <summary>For logs: which settings are in use, never a credential.</summary>
    public override string ToString() =>
        $"profile={Profile ?? "(default chain)"} region={Region ?? "(default chain)"} endpoint={EndpointUrl ?? "(AWS)"}";
}
