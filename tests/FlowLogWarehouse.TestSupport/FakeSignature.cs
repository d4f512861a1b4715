using System.Text.RegularExpressions;

namespace FlowLogWarehouse.TestSupport;

/// <summary>
/// The fakes' SigV4 check (FakeAthena, FakeEc2): an Authorization header of the right form for the service, signing
/// host and x-amz-date, with an X-Amz-Date of the scope's day. The HMAC itself is not verified; the SDK's signer is trusted.
/// </summary>
internal static partial class FakeSignature
{
    public sealed record Scope(string AccessKey, string Date, string Region, string Service, IReadOnlySet<string> SignedHeaders);

    public sealed record Rejection(string ErrorType, string Message);

    [GeneratedRegex(
        @"^AWS4-HMAC-SHA256 Credential=(?<key>[A-Za-z0-9]{1,128})/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request, ?" +
        @"SignedHeaders=(?<headers>[a-z0-9-]+(?:;[a-z0-9-]+)*), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(@"^\d{8}T\d{6}Z$")]
    private static partial Regex AmzDatePattern();

    public static Scope? Parse(string? authorization)
    {
        var match = authorization is null ? null : AuthorizationPattern().Match(authorization);
        if (match is not { Success: true })
            return null;
        return new Scope(match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value,
            match.Groups["headers"].Value.Split(';').ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Null when the request may pass; else the 403 answer's error name and message.</summary>
    public static Rejection? Check(string? authorization, string? amzDate, string? expectedRegion, string service)
    {
        if (string.IsNullOrEmpty(authorization))
            return new Rejection("UnrecognizedClientException", "The request has no Authorization header: it must be signed with SigV4.");
        if (Parse(authorization) is not { } scope)
            return new Rejection("InvalidSignatureException", "The Authorization header is not a SigV4 header (AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…).");
        if (scope.Service != service)
            return new Rejection("InvalidSignatureException", $"Credential should be scoped to correct service: '{service}', not '{scope.Service}'.");
        if (expectedRegion is not null && scope.Region != expectedRegion)
            return new Rejection("InvalidSignatureException", $"Credential should be scoped to a valid region: '{expectedRegion}', not '{scope.Region}'.");
        if (!scope.SignedHeaders.Contains("host") || !scope.SignedHeaders.Contains("x-amz-date"))
            return new Rejection("InvalidSignatureException", "SignedHeaders must include host and x-amz-date.");
        if (amzDate is null || !AmzDatePattern().IsMatch(amzDate))
            return new Rejection("InvalidSignatureException", "The request has no valid X-Amz-Date header (yyyyMMddTHHmmssZ).");
        if (!amzDate.StartsWith(scope.Date, StringComparison.Ordinal))
            return new Rejection("InvalidSignatureException", $"Date in Credential scope '{scope.Date}' does not match X-Amz-Date '{amzDate}'.");
        return null;
    }
}
