using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FlowLogWarehouse.Athena;

/// <summary>AWS JSON 1.1 error answers read into <see cref="AthenaException"/>s, and which of them are worth retrying.</summary>
internal static class AthenaErrors
{
    // Throttling names across AWS JSON services; Athena itself sends ThrottlingException and TooManyRequestsException.
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "TooManyRequestsException", "ThrottledException", "RequestLimitExceeded",
        "RequestThrottled", "RequestThrottledException", "ProvisionedThroughputExceededException", "SlowDown",
        "PriorRequestNotComplete", "TransactionInProgressException",
    };

    /// <summary>
    /// <paramref name="body"/> is <c>{"__type": "namespace#Name", "message" | "Message": "…"}</c>; the type may also
    /// come only in the x-amzn-ErrorType header. A body that is not JSON (a proxy's page) keeps its first line.
    /// </summary>
    public static AthenaException Read(string operation, int statusCode, ReadOnlySpan<byte> body, HttpResponseHeaders? headers)
    {
        string? type = null, message = null, code = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                        continue;
                    if (property.NameEquals("__type"))
                        type = property.Value.GetString();
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                        message ??= property.Value.GetString();
                    else if (property.NameEquals("AthenaErrorCode"))
                        code = property.Value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            message = FirstLine(Encoding.UTF8.GetString(body));
        }
        type ??= Header(headers, "x-amzn-ErrorType");
        var requestId = Header(headers, "x-amzn-RequestId");
        return new AthenaException(
            operation,
            TypeName(type) ?? $"Http{statusCode}",
            string.IsNullOrWhiteSpace(message) ? $"HTTP {statusCode} with no message" : message,
            statusCode,
            requestId,
            code);
    }

    /// <summary>"com.amazonaws.athena#InvalidRequestException" and "ThrottlingException:http://…" both name the error.</summary>
    public static string? TypeName(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
            return null;
        var name = type[(type.LastIndexOf('#') + 1)..];
        var colon = name.IndexOf(':');
        return (colon < 0 ? name : name[..colon]).Trim();
    }

    /// <summary>Throttling, and anything the service side failed at (5xx), can succeed when sent again.</summary>
    public static bool IsRetryable(AthenaException error) =>
        error.StatusCode is null or >= 500 or 429 || Throttling.Contains(error.ErrorType);

    private static string? Header(HttpResponseHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
