namespace FlowLogWarehouse.Cli.FlowLogs;

/// <summary>Help text shared by the commands that talk to EC2.</summary>
internal static class Ec2Endpoint
{
    public const string Description = "Send EC2 requests to this URL instead of AWS's regional endpoint (a proxy, or a local test server).";
}
