namespace FlowLogWarehouse.Aws.Tests;

public class S3PathTests
{
    [Fact]
    public void Bucket_and_prefix()
    {
        var location = S3Path.Parse("s3://flow-logs.archive/AWSLogs/123456789012/vpcflowlogs/");

        Assert.Equal("flow-logs.archive", location.Bucket);
        Assert.Equal("AWSLogs/123456789012/vpcflowlogs/", location.Prefix);
        Assert.Equal("AWSLogs/123456789012/vpcflowlogs/", location.Folder);
        Assert.Equal("AWSLogs/123456789012/vpcflowlogs/2024/01/02/a.log.gz", location.KeyOf("2024/01/02/a.log.gz"));
        Assert.Equal("s3://flow-logs.archive/AWSLogs/123456789012/vpcflowlogs/", location.ToString());
    }

    [Fact]
    public void A_prefix_without_a_slash_is_a_folder_of_that_name()
    {
        var location = S3Path.Parse("s3://logs/2024");

        Assert.Equal("2024", location.Prefix);
        Assert.Equal("2024/", location.Folder);
        Assert.Equal("2024/a.gz", location.KeyOf("a.gz"));
    }

    [Theory]
    [InlineData("s3://logs")]
    [InlineData("s3://logs/")]
    [InlineData("S3://logs")]
    public void Bucket_only_is_the_whole_bucket(string text)
    {
        var location = S3Path.Parse(text);

        Assert.Equal("logs", location.Bucket);
        Assert.Equal("", location.Prefix);
        Assert.Equal("", location.Folder);
        Assert.Equal("a.gz", location.KeyOf("a.gz"));
    }

    [Theory]
    [InlineData("s3://Logs/x")]
    [InlineData("s3://my_logs/x")]
    [InlineData("s3://ab/x")]
    [InlineData("s3:///x")]
    [InlineData("s3://")]
    [InlineData("s3://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void An_invalid_bucket_is_the_users_to_fix(string text)
    {
        var error = Assert.Throws<AwsSettingsException>(() => S3Path.Parse(text));

        Assert.Contains("valid bucket", error.Message);
        Assert.Contains(text, error.Message);
    }

    [Theory]
    [InlineData("logs/x")]
    [InlineData("https://logs.s3.amazonaws.com/x")]
    [InlineData("s3:/logs/x")]
    public void Not_an_s3_address(string text)
    {
        Assert.False(S3Path.IsS3(text));
        var error = Assert.Throws<AwsSettingsException>(() => S3Path.Parse(text));

        Assert.Contains("not an s3://bucket/prefix address", error.Message);
    }
}
