using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Athena.Tests;

public sealed class AthenaClientSettingsTests
{
    [Fact]
    public void A_region_means_Athenas_regional_endpoint()
    {
        var endpoint = AthenaClient.EndpointOf(new AwsSettings { Region = "eu-central-1" }, out var region);

        Assert.Equal(new Uri("https://athena.eu-central-1.amazonaws.com/"), endpoint);
        Assert.Equal("eu-central-1", region.SystemName);
    }

    [Fact]
    public void An_endpoint_url_wins_and_is_signed_for_the_region_given()
    {
        using var client = AthenaClient.Create(new AwsSettings { EndpointUrl = "http://127.0.0.1:4566", Region = "ap-southeast-2" }, TestSupport.FakeAthena.Credentials);

        Assert.Equal(new Uri("http://127.0.0.1:4566"), client.Endpoint);
        Assert.Equal("ap-southeast-2", client.Region);
    }

    [Theory]
    [InlineData("ftp://athena.example")]
    [InlineData("not a url")]
    public void An_endpoint_that_is_not_http_is_the_users_to_fix(string url)
    {
        var error = Assert.Throws<AwsSettingsException>(() => AthenaClient.Create(new AwsSettings { EndpointUrl = url, Region = "eu-west-1" }, TestSupport.FakeAthena.Credentials));
        Assert.Equal($"--endpoint-url '{url}' is not an http(s) URL.", error.Message);
    }
}
