using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Ec2.DryRun;

/// <summary>
/// What <c>create --dry-run</c> prints: the request as it would be sent, the same flow log as CloudFormation and as an
/// AWS CLI command. Each part starts with a '# ' line, a comment in YAML and in a shell alike.
/// </summary>
public static class FlowLogDryRun
{
    public const string RequestHeading = "# EC2 CreateFlowLogs request: Query API parameters, sorted, before URL encoding";
    public const string CloudFormationHeading = "# CloudFormation template (JSON, which is also YAML)";
    public const string AwsCliHeading = "# AWS CLI";

    public static void Write(TextWriter output, FlowLogSpec spec, AwsSettings settings)
    {
        var request = spec.ToRequest();
        output.WriteLine(RequestHeading);
        foreach (var (name, value) in QueryParameters.Of(request))
            output.WriteLine($"{name}={value}");
        output.WriteLine();
        output.WriteLine(CloudFormationHeading);
        output.WriteLine(CloudFormationTemplate.Of(spec));
        output.WriteLine();
        output.WriteLine(AwsCliHeading);
        output.WriteLine(AwsCliCommand.Of(spec, settings));
    }
}
