using System.Text;

namespace FlowLogWarehouse.Athena.Tests;

public sealed class AthenaErrorsTests
{
    [Theory]
    [InlineData("""{"__type":"com.amazonaws.athena#InvalidRequestException","Message":"line 1:1: mismatched input"}""", "InvalidRequestException", "line 1:1: mismatched input")]
    [InlineData("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", "ThrottlingException", "Rate exceeded")]
    [InlineData("""{"__type":"aws.protocoltests#TooManyRequestsException:http://internal.amazon.com/","message":"slow down"}""", "TooManyRequestsException", "slow down")]
    [InlineData("""{"__type":"com.amazonaws.athena#InternalServerException"}""", "InternalServerException", "HTTP 400 with no message")]
    [InlineData("""<html><body>Bad Gateway</body></html>""", "Http400", "<html><body>Bad Gateway</body></html>")]
    [InlineData("", "Http400", "HTTP 400 with no message")]
    public void An_error_body_names_the_error_and_keeps_the_message(string body, string type, string message)
    {
        var error = AthenaErrors.Read("StartQueryExecution", 400, Encoding.UTF8.GetBytes(body), headers: null);

        Assert.Equal(type, error.ErrorType);
        Assert.Equal(message, error.ErrorMessage);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal($"Athena StartQueryExecution failed: {type}: {message}", error.Message);
    }

    [Fact]
    public void The_error_type_header_names_the_error_when_the_body_does_not()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest);
        response.Headers.Add("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/");
        response.Headers.Add("x-amzn-RequestId", "4a1b7c2d");

        var error = AthenaErrors.Read("GetQueryExecution", 400, Encoding.UTF8.GetBytes("""{"message":"Rate exceeded"}"""), response.Headers);

        Assert.Equal("ThrottlingException", error.ErrorType);
        Assert.Equal("4a1b7c2d", error.RequestId);
        Assert.True(AthenaErrors.IsRetryable(error));
    }

    [Fact]
    public void Athenas_finer_error_code_is_kept()
    {
        var body = """{"__type":"InvalidRequestException","AthenaErrorCode":"MALFORMED_QUERY","Message":"Queries of this type are not supported"}""";

        var error = AthenaErrors.Read("StartQueryExecution", 400, Encoding.UTF8.GetBytes(body), headers: null);

        Assert.Equal("MALFORMED_QUERY", error.AthenaErrorCode);
        Assert.Equal("Athena StartQueryExecution failed: InvalidRequestException (MALFORMED_QUERY): Queries of this type are not supported", error.Message);
    }

    [Theory]
    [InlineData(400, "ThrottlingException", true)]
    [InlineData(400, "TooManyRequestsException", true)]
    [InlineData(429, "Http429", true)]
    [InlineData(500, "InternalServerException", true)]
    [InlineData(503, "Http503", true)]
    [InlineData(400, "InvalidRequestException", false)]
    [InlineData(403, "UnrecognizedClientException", false)]
    [InlineData(403, "InvalidSignatureException", false)]
    public void Throttling_and_server_errors_are_retried_others_are_not(int status, string type, bool retryable) =>
        Assert.Equal(retryable, AthenaErrors.IsRetryable(new AthenaException("GetQueryResults", type, "m", status)));
}
