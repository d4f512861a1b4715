using Amazon.S3;

namespace FlowLogWarehouse.Aws.Tests;

public class AwsSettingsTests
{
    [Theory]
    [InlineData("ftp://storage.example:21")]
    [InlineData("localhost:9000")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    public void An_endpoint_that_is_not_http_is_the_users_to_fix(string endpoint)
    {
        var settings = new AwsSettings { EndpointUrl = endpoint };

        var error = Assert.Throws<AwsSettingsException>(() => settings.Apply(new AmazonS3Config()));
        Assert.Equal($"--endpoint-url '{endpoint}' is not an http(s) URL.", error.Message);
        // Before any client exists, so a typo fails at once instead of as a network error after retries.
        Assert.Throws<AwsSettingsException>(() => S3Clients.Create(settings));
    }

    [Fact]
    public void An_endpoint_signs_for_us_east_1_unless_a_region_is_given()
    {
        var config = new AmazonS3Config();
        new AwsSettings { EndpointUrl = "http://127.0.0.1:9000" }.Apply(config);
        Assert.Equal(new Uri("http://127.0.0.1:9000"), new Uri(config.ServiceURL));
        Assert.Equal("us-east-1", config.AuthenticationRegion);

        var regional = new AmazonS3Config();
        new AwsSettings { EndpointUrl = "https://minio.example", Region = "eu-west-1" }.Apply(regional);
        Assert.Equal("eu-west-1", regional.AuthenticationRegion);
    }

    [Fact]
    public void A_region_without_an_endpoint_is_the_AWS_region()
    {
        var config = new AmazonS3Config();
        new AwsSettings { Region = "eu-central-1" }.Apply(config);

        Assert.Equal("eu-central-1", config.RegionEndpoint?.SystemName);
        Assert.Null(config.ServiceURL);
    }
}
