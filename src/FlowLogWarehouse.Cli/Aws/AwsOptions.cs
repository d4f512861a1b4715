using System.CommandLine;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Cli.Aws;

/// <summary>The AWS CLI's own options for commands that talk to AWS; unset ones fall back to the SDK's default chain.</summary>
internal sealed class AwsOptions(string endpointDescription = "Send requests to this URL instead of AWS: an S3-compatible store or a local test server.")
{
    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Named profile from the shared AWS config and credentials files (default: AWS_PROFILE, then the default chain).",
        HelpName = "name",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "AWS region (default: AWS_REGION, then the profile's region).",
        HelpName = "region",
    };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = endpointDescription,
        HelpName = "url",
    };

    public IEnumerable<Option> All => [Profile, Region, EndpointUrl];

    public AwsSettings Settings(CommandContext context) => new()
    {
        Profile = context.Result.GetValue(Profile),
        Region = context.Result.GetValue(Region),
        EndpointUrl = context.Result.GetValue(EndpointUrl),
    };
}
