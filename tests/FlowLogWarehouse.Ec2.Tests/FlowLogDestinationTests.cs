using FlowLogWarehouse.Ec2.DryRun;

namespace FlowLogWarehouse.Ec2.Tests;

public class FlowLogDestinationTests
{
    [Theory]
    [InlineData("s3://flow-bucket/vpc/prod", "s3", "arn:aws:s3:::flow-bucket/vpc/prod", null)]
    [InlineData("s3://flow-bucket", "s3", "arn:aws:s3:::flow-bucket", null)]
    [InlineData("cloudwatch:/vpc/flow#1", "cloud-watch-logs", null, "/vpc/flow#1")]
    [InlineData("cloudwatch:arn:aws:logs:eu-west-1:123456789012:log-group:flow", "cloud-watch-logs", "arn:aws:logs:eu-west-1:123456789012:log-group:flow", null)]
    [InlineData("firehose:arn:aws:firehose:eu-west-1:123456789012:deliverystream/flow", "kinesis-data-firehose", "arn:aws:firehose:eu-west-1:123456789012:deliverystream/flow", null)]
    public void Parse_EachForm_GivesEc2sDestinationAndReadsBackTheSame(string text, string type, string? arn, string? group)
    {
        var destination = FlowLogDestination.Parse(text);

        Assert.Equal((type, arn, group), (destination.Type, destination.Arn, destination.LogGroupName));
        Assert.Equal(text, destination.ToString());
        Assert.Equal(text, FlowLogDestination.Display(type, arn, group));
    }

    [Fact]
    public void Parse_S3ArnOfAnotherPartition_IsKeptAsGiven()
    {
        var destination = FlowLogDestination.Parse("arn:aws-cn:s3:::flow-bucket/x");

        Assert.Equal(("s3", "arn:aws-cn:s3:::flow-bucket/x"), (destination.Type, destination.Arn));
        Assert.Equal("s3://flow-bucket/x", destination.ToString());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("arn:aws:s3:::b/p", "arn:aws:s3:::b/p")]
    [InlineData("${version} ${srcaddr}", "'${version} ${srcaddr}'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void Quote_Word_IsBareOnlyWhenTheShellLeavesItAlone(string word, string quoted)
    {
        Assert.Equal(quoted, AwsCliCommand.Quote(word));
    }
}
