using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Ec2.Tests.Fixtures;
using FlowLogWarehouse.Reports;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Ec2.Tests;

/// <summary><c>flowlogs create</c> through the real CLI against the fake EC2: what is sent is exactly what the flags say.</summary>
public sealed class CreateCommandTests : Ec2TestBase
{
    private const string Vpc = "vpc-0a1b2c3d4e5f60718";
    private const string Role = "arn:aws:iam::123456789012:role/flow-logs-delivery";
    private const string Firehose = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/flow-logs";

    private static readonly string BaseFormat = FlowLogFormat.Default.AwsSyntax;

    private async Task<IReadOnlyList<string>> SentFor(params string[] args)
    {
        var result = await Run(["create", .. args]);
        AssertOk(result);
        return Assert.Single(Ec2.RequestsFor("CreateFlowLogs")).Lines;
    }

    [Fact]
    public async Task Create_VpcToS3AsParquetWithHiveAndHourPartitions_SendsExactlyThoseParameters()
    {
        var sent = await SentFor("--resource", Vpc, "--destination", "s3://flow-bucket/vpc", "--file-format", "parquet", "--hive-partitions", "--per-hour",
            "--max-aggregation", "60", "--traffic", "REJECT");

        Assert.Equal(
        [
            "Action=CreateFlowLogs",
            "DestinationOptions.FileFormat=parquet",
            "DestinationOptions.HiveCompatiblePartitions=true",
            "DestinationOptions.PerHourPartition=true",
            "LogDestination=arn:aws:s3:::flow-bucket/vpc",
            "LogDestinationType=s3",
            "LogFormat=" + BaseFormat,
            "MaxAggregationInterval=60",
            "ResourceId.1=" + Vpc,
            "ResourceType=VPC",
            "TrafficType=REJECT",
            "Version=2016-11-15",
        ], sent);
    }

    [Fact]
    public async Task Create_S3WithNoOptions_LeavesEc2sDefaultsOut()
    {
        var sent = await SentFor("--resource", Vpc, "--destination", "s3://flow-bucket");

        Assert.Equal(
        [
            "Action=CreateFlowLogs",
            "LogDestination=arn:aws:s3:::flow-bucket",
            "LogDestinationType=s3",
            "LogFormat=" + BaseFormat,
            "ResourceId.1=" + Vpc,
            "ResourceType=VPC",
            "TrafficType=ALL",
            "Version=2016-11-15",
        ], sent);
    }

    [Theory]
    [InlineData("subnet-0123456789abcdef0", "Subnet")]
    [InlineData("eni-0fedcba9876543210", "NetworkInterface")]
    [InlineData("vpc-12345678", "VPC")]
    public async Task Create_ResourceKind_GivesTheResourceType(string resource, string type)
    {
        var sent = await SentFor("--resource", resource, "--destination", "s3://flow-bucket/x", "--traffic", "ACCEPT");

        Assert.Contains("ResourceId.1=" + resource, sent);
        Assert.Contains("ResourceType=" + type, sent);
        Assert.Contains("TrafficType=ACCEPT", sent);
    }

    [Fact]
    public async Task Create_SeveralResourcesOfOneKind_AreOneRequest()
    {
        var sent = await SentFor("--resource", "subnet-11111111,subnet-22222222", "--resource", "subnet-33333333", "--destination", "s3://flow-bucket");

        Assert.Equal(["ResourceId.1=subnet-11111111", "ResourceId.2=subnet-22222222", "ResourceId.3=subnet-33333333"], sent.Where(l => l.StartsWith("ResourceId.")));
    }

    [Fact]
    public async Task Create_CloudWatchWithRole_SendsTheLogGroupAndTheRole()
    {
        var sent = await SentFor("--resource", Vpc, "--destination", "cloudwatch:/vpc/flow-logs", "--role-arn", Role, "--fields", "extended");

        Assert.Equal(
        [
            "Action=CreateFlowLogs",
            "DeliverLogsPermissionArn=" + Role,
            "LogDestinationType=cloud-watch-logs",
            "LogFormat=" + FieldSelection.Build("extended", []).AwsSyntax,
            "LogGroupName=/vpc/flow-logs",
            "ResourceId.1=" + Vpc,
            "ResourceType=VPC",
            "TrafficType=ALL",
            "Version=2016-11-15",
        ], sent);
    }

    [Fact]
    public async Task Create_CloudWatchLogGroupArn_IsSentAsTheDestination()
    {
        const string arn = "arn:aws:logs:eu-west-1:123456789012:log-group:vpc-flow";
        var sent = await SentFor("--resource", Vpc, "--destination", "cloudwatch:" + arn, "--role-arn", Role);

        Assert.Contains("LogDestination=" + arn, sent);
        Assert.DoesNotContain(sent, l => l.StartsWith("LogGroupName=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_Firehose_SendsTheStreamArnAndBothRoles()
    {
        const string crossAccount = "arn:aws:iam::210987654321:role/cross-account-delivery";
        var sent = await SentFor("--resource", Vpc, "--destination", "firehose:" + Firehose, "--role-arn", Role, "--cross-account-role-arn", crossAccount);

        Assert.Contains("LogDestinationType=kinesis-data-firehose", sent);
        Assert.Contains("LogDestination=" + Firehose, sent);
        Assert.Contains("DeliverLogsPermissionArn=" + Role, sent);
        Assert.Contains("DeliverCrossAccountRole=" + crossAccount, sent);
        Assert.DoesNotContain(sent, l => l.StartsWith("DestinationOptions.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_Tags_AreTaggedOnTheFlowLog()
    {
        var sent = await SentFor("--resource", Vpc, "--destination", "s3://flow-bucket", "--tags", "team=network", "--tags", "purpose=a=b, c");

        Assert.Equal(
        [
            "TagSpecification.1.ResourceType=vpc-flow-log",
            "TagSpecification.1.Tag.1.Key=team",
            "TagSpecification.1.Tag.1.Value=network",
            "TagSpecification.1.Tag.2.Key=purpose",
            "TagSpecification.1.Tag.2.Value=a=b, c",
        ], sent.Where(l => l.StartsWith("TagSpecification.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Create_ForReports_RecordsEveryFieldTheReportsRead()
    {
        var sent = await SentFor("--resource", Vpc, "--destination", "s3://flow-bucket", "--for-reports", "nat-paths,top-subnets");

        var format = FlowLogFormat.Parse(sent.Single(l => l.StartsWith("LogFormat=", StringComparison.Ordinal))["LogFormat=".Length..]);
        var names = format.Fields.Select(f => f.Name).ToList();
        Assert.Equal(FieldCatalog.DefaultFormat.Select(f => f.Name), names.Take(14));
        Assert.All(ReportLibrary.BuiltIn.FieldsFor(["nat-paths", "top-subnets"]), f => Assert.Contains(f, names));
    }

    [Fact]
    public async Task Create_Succeeded_PrintsTheNewFlowLogId()
    {
        var result = await Run("create", "--resource", Vpc, "--destination", "s3://flow-bucket");

        AssertOk(result);
        var created = Assert.Single(Ec2.FlowLogs);
        Assert.Equal(created.FlowLogId + "\n", result.StdOut);
        Assert.Equal(Vpc, created.ResourceId);
        var request = Assert.Single(Ec2.Requests);
        Assert.Equal(("ec2", FakeEc2.Region), (request.SignedService, request.SignedRegion));
    }

    [Fact]
    public async Task Create_UnsuccessfulItem_ExitsOneWithItsCodeAndMessage()
    {
        Ec2.Refuse(Vpc, "FlowLogAlreadyExists", "Error. There is an existing Flow Log with the same configuration and log destination.");

        var result = await Run("create", "--resource", Vpc, "--destination", "s3://flow-bucket");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.StdOut);
        Assert.Equal(
            $"flowlogs: error: EC2 created no flow log for {Vpc}: FlowLogAlreadyExists: Error. There is an existing Flow Log with the same configuration and log destination.\n",
            result.StdErr);
    }

    [Fact]
    public async Task Create_OneOfTwoRefused_PrintsTheCreatedOneAndFails()
    {
        Ec2.Refuse("subnet-22222222", "InvalidSubnetId.NotFound", "The subnet ID 'subnet-22222222' does not exist");

        var result = await Run("create", "--resource", "subnet-11111111,subnet-22222222", "--destination", "s3://flow-bucket");

        Assert.Equal(1, result.ExitCode);
        var created = Assert.Single(Ec2.FlowLogs);
        Assert.Equal(created.FlowLogId + "\n", result.StdOut);
        Assert.Contains("subnet-22222222: InvalidSubnetId.NotFound: The subnet ID 'subnet-22222222' does not exist", result.StdErr);
        Assert.Contains($"it created {created.FlowLogId} for the others", result.StdErr);
    }

    [Fact]
    public async Task Create_NotAuthorized_ExitsOneWithEc2sWordsAndNoStackTrace()
    {
        Ec2.FailNext(403, "UnauthorizedOperation", "You are not authorized to perform this operation.");

        var result = await Run("create", "--resource", Vpc, "--destination", "s3://flow-bucket");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.StdOut);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("flowlogs: error: EC2 refused CreateFlowLogs: UnauthorizedOperation: You are not authorized to perform this operation. (HTTP 403, request id ", line);
        Assert.Contains("lack the IAM permission", line);
        Assert.DoesNotContain(FakeEc2.SecretKey, result.StdErr);
        Assert.False(HasStackTrace(result.StdErr));
    }

    [Fact]
    public async Task Create_CloudWatchWithoutRole_IsAUsageErrorBeforeAnyRequest()
    {
        var result = await Run("create", "--resource", Vpc, "--destination", "cloudwatch:vpc-flow");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Delivery to CloudWatch Logs needs the IAM role EC2 publishes with: give --role-arn", result.StdErr);
        Assert.Empty(Ec2.Requests);
    }

    [Fact]
    public async Task Create_UnknownField_IsAUsageErrorListingCloseMatches()
    {
        var result = await Run("create", "--resource", Vpc, "--destination", "s3://flow-bucket", "--fields", "base,pkt-srcadr");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'pkt-srcadr' in 'base,pkt-srcadr' is not a flow log field or set; did you mean 'pkt-srcaddr'", result.StdErr);
        Assert.Empty(Ec2.Requests);
    }

    [Theory]
    [InlineData("cloudwatch:g --role-arn " + Role + " --file-format parquet", "--file-format, --hive-partitions and --per-hour apply to S3 destinations only")]
    [InlineData("firehose:" + Firehose + " --per-hour", "apply to S3 destinations only")]
    [InlineData("s3://flow-bucket/AWSLogs", "has a folder named AWSLogs")]
    [InlineData("s3://flow-bucket --role-arn not-an-arn", "--role-arn 'not-an-arn' is not an IAM role ARN")]
    [InlineData("firehose:flow-logs", "is not a Firehose delivery stream ARN")]
    [InlineData("kinesis:flow-logs", "is not a flow log destination: s3://bucket/prefix, cloudwatch:LOG-GROUP or firehose:DELIVERY-STREAM-ARN")]
    [InlineData("s3://flow-bucket --tags aws:owner=me", "starts with 'aws:'")]
    [InlineData("s3://flow-bucket --tags owner", "--tags takes key=value, not 'owner'")]
    [InlineData("s3://flow-bucket --max-aggregation 300", "--max-aggregation must be 60 or 600, not 300")]
    public async Task Create_ChoicesEc2WouldRefuse_AreUsageErrorsBeforeAnyRequest(string destinationAndMore, string message)
    {
        var result = await Run(["create", "--resource", Vpc, "--destination", .. destinationAndMore.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StdErr);
        Assert.False(HasStackTrace(result.StdErr));
        Assert.Empty(Ec2.Requests);
    }

    [Theory]
    [InlineData("vpc-0a1b,subnet-0a1b", "are of different kinds (VPC, Subnet)")]
    [InlineData("sg-0a1b2c3d", "'sg-0a1b2c3d' is not the id of a VPC (vpc-…), a subnet (subnet-…) or a network interface (eni-…)")]
    [InlineData("vpc-XYZ", "is not the id of a VPC")]
    public async Task Create_ResourcesOfNoOrSeveralKinds_AreUsageErrors(string resources, string message)
    {
        var result = await Run("create", "--resource", resources, "--destination", "s3://flow-bucket");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StdErr);
        Assert.Empty(Ec2.Requests);
    }
}
