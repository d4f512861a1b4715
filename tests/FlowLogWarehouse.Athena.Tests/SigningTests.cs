using System.Net;
using System.Text;
using System.Text.Json;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests;

public sealed class SigningTests(AthenaWarehouse warehouse) : IClassFixture<AthenaWarehouse>
{
    [Fact]
    public async Task Every_request_is_signed_with_SigV4_for_athena_in_the_region()
    {
        await using var athena = await FakeAthenaClient.StartAsync(warehouse.Path);

        await athena.RunAsync("SELECT 1 AS one");

        var requests = athena.Fake.Requests;
        Assert.Equal(["StartQueryExecution", "GetQueryExecution", "GetQueryExecution", "GetQueryExecution", "GetQueryResults"], requests.Select(r => r.Operation));
        Assert.All(requests, r =>
        {
            Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={FakeAthena.AccessKey}/", r.Authorization);
            Assert.Contains($"/{FakeAthena.Region}/athena/aws4_request", r.Authorization);
            Assert.Equal(FakeAthena.Region, r.Region);
            Assert.Equal("athena", r.Service);
            // The operation travels in a signed header, so a replay cannot turn one operation into another.
            Assert.Matches("SignedHeaders=[^,]*x-amz-target", r.Authorization);
            Assert.DoesNotContain("fake-athena-secret-key", r.Authorization);
        });
    }

    [Theory]
    [InlineData(null, "UnrecognizedClientException")]
    [InlineData("Bearer abc", "InvalidSignatureException")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20261120/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "InvalidSignatureException")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20261120/eu-west-1/athena/aws4_request, SignedHeaders=host;x-amz-date, Signature=short", "InvalidSignatureException")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20261120/eu-west-1/athena/aws4_request, SignedHeaders=host, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "InvalidSignatureException")]
    public async Task The_fake_rejects_requests_without_a_well_formed_signature(string? authorization, string errorType)
    {
        await using var fake = await FakeAthena.StartAsync(warehouse.Path);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.Endpoint)
        {
            Content = new StringContent("""{"QueryString":"SELECT 1"}""", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "AmazonAthena.StartQueryExecution");
        request.Headers.Add("X-Amz-Date", "20261120T050000Z");
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("com.amazonaws.athena#" + errorType, body.RootElement.GetProperty("__type").GetString());
        var recorded = Assert.Single(fake.Requests);
        Assert.Equal(403, recorded.StatusCode);
        Assert.Empty(fake.DdlStatements);
    }

    [Fact]
    public async Task A_signature_for_another_region_is_refused_at_once()
    {
        await using var fake = await FakeAthena.StartAsync(warehouse.Path);
        using var client = AthenaClient.Create(new AwsSettings { EndpointUrl = fake.Endpoint, Region = "us-west-2" }, FakeAthena.Credentials);

        var error = await Assert.ThrowsAsync<AthenaException>(() => new AthenaQueryRunner(client).RunAsync(new AthenaQuery("SELECT 1"), CancellationToken.None));

        Assert.Equal("InvalidSignatureException", error.ErrorType);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal("us-west-2", Assert.Single(fake.Requests).Region);
    }
}
