using FlowLogWarehouse.Loader.Sources;
using FlowLogWarehouse.Loader.Sources.S3;

namespace FlowLogWarehouse.Loader.Tests.S3;

public sealed class S3KeyLayoutTests
{
    [Theory]
    [InlineData("", "Above", false)]
    [InlineData("AWSLogs/", "Above", false)]
    [InlineData("AWSLogs/123456789012/", "Above", false)]
    [InlineData("AWSLogs/123456789012/vpcflowlogs/", "Above", false)]
    [InlineData("AWSLogs/123456789012/vpcflowlogs/eu-west-1/", "DateRoot", false)]
    [InlineData("my/prefix/AWSLogs/123456789012/vpcflowlogs/eu-west-1/", "DateRoot", false)]
    [InlineData("AWSLogs/o-abc123/123456789012/vpcflowlogs/eu-west-1/", "DateRoot", false)]
    [InlineData("AWSLogs/123456789012/vpcflowlogs/eu-west-1/2026/", "Inside", false)]
    [InlineData("AWSLogs/123456789012/elasticloadbalancing/eu-west-1/", "Above", false)]
    [InlineData("AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/", "Above", true)]
    [InlineData("AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=eu-west-1/", "DateRoot", true)]
    [InlineData("AWSLogs/o-abc123/aws-account-id=1/aws-service=vpcflowlogs/aws-region=eu-west-1/", "DateRoot", true)]
    [InlineData("AWSLogs/aws-account-id=1/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2026/", "Inside", true)]
    public void Classify_KnowsWhereDatesBegin(string folder, string place, bool hive)
    {
        var (actual, actualHive) = S3KeyLayout.Classify(folder);
        Assert.Equal((place, hive), (actual.ToString(), actualHive));
    }

    [Fact]
    public void DayFolder_PlainAndHive()
    {
        Assert.Equal("2026/03/07/", S3KeyLayout.DayFolder(new DateOnly(2026, 3, 7), hive: false));
        Assert.Equal("year=2026/month=03/day=07/", S3KeyLayout.DayFolder(new DateOnly(2026, 3, 7), hive: true));
    }

    [Fact]
    public void KeyInfo_FromEveryLayout()
    {
        var plain = SourceKeyInfo.FromPath("AWSLogs/123456789012/vpcflowlogs/eu-west-1/2026/11/26/x.log.gz");
        Assert.Equal(new SourceKeyInfo("123456789012", "eu-west-1", new DateOnly(2026, 11, 26), null), plain);
        var hourly = SourceKeyInfo.FromPath("AWSLogs/o-abc/123456789012/vpcflowlogs/eu-west-1/2026/11/26/05/x.log.gz");
        Assert.Equal(new SourceKeyInfo("123456789012", "eu-west-1", new DateOnly(2026, 11, 26), 5), hourly);
        var hive = SourceKeyInfo.FromPath("AWSLogs/aws-account-id=000011112222/aws-service=vpcflowlogs/aws-region=us-east-2/year=2026/month=11/day=26/hour=23/x.log.gz");
        Assert.Equal(new SourceKeyInfo("000011112222", "us-east-2", new DateOnly(2026, 11, 26), 23), hive);
    }
}
