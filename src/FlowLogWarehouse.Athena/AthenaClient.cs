using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using FlowLogWarehouse.Athena.Protocol;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Athena;

/// <summary>
/// The four Athena operations we use, as AWS JSON 1.1 requests on an HttpClient whose handler signs them with
/// SigV4. Throttling, 5xx answers and unreachable endpoints are retried with jittered backoff; every attempt goes
/// through the signing handler again, so each carries a fresh signature and timestamp.
/// </summary>
public sealed class AthenaClient : IDisposable
{
    public const string ServiceName = "athena";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    private readonly HttpClient _http;
    private readonly AthenaClientOptions _options;

    /// <summary>
    /// Over an <paramref name="http"/> client that already signs (see <see cref="Create"/>); the client is disposed
    /// with this one.
    /// </summary>
    public AthenaClient(HttpClient http, Uri endpoint, string region, AthenaClientOptions? options = null)
    {
        _http = http;
        _options = options ?? new AthenaClientOptions();
        if (_options.MaxAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be at least 1");
        Endpoint = endpoint;
        Region = region;
    }

    /// <summary>
    /// A client for <paramref name="settings"/>: the region given, else the SDK's (AWS_REGION, the profile); the
    /// endpoint URL given, else Athena's regional endpoint. <paramref name="credentials"/>, when given, win over the
    /// profile and the SDK's default chain (a local test endpoint takes any key).
    /// </summary>
    public static AthenaClient Create(AwsSettings settings, AWSCredentials? credentials = null, AthenaClientOptions? options = null)
    {
        var endpoint = EndpointOf(settings, out var region);
        credentials ??= settings.ProfileCredentials() ?? DefaultCredentials();
        options ??= new AthenaClientOptions();
        // Redirects must not be followed below the signer: a redirected hop would go out with a stale signature.
        var transport = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var http = new HttpClient(new SigV4SigningHandler(credentials, region, ServiceName, transport))
        {
            Timeout = options.RequestTimeout,
        };
        return new AthenaClient(http, endpoint, region.SystemName, options);
    }

    /// <summary>Where requests go; the region they are signed for is <see cref="Region"/>.</summary>
    public Uri Endpoint { get; }

    public string Region { get; }

    internal static Uri EndpointOf(AwsSettings settings, out RegionEndpoint region)
    {
        // Instance metadata is left out: off EC2 it would only add a network timeout before the same error.
        var found = settings.RegionEndpoint() ?? FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false);
        if (settings.EndpointUrl is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw new AwsSettingsException($"--endpoint-url '{url}' is not an http(s) URL.");
            region = found ?? RegionEndpoint.USEast1;
            return uri;
        }
        region = found ?? throw new AwsSettingsException("No AWS region for Athena: give --region, set AWS_REGION, or set a region in the profile.");
        return new Uri($"https://athena.{region.SystemName}.{DnsSuffix(region)}/");
    }

    private static string DnsSuffix(RegionEndpoint region) =>
        region.SystemName.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";

    private static AWSCredentials DefaultCredentials()
    {
        try
        {
            return Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException e)
        {
            throw new AwsSettingsException($"No AWS credentials for Athena: {e.Message}");
        }
    }

    public Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken) =>
        SendAsync("StartQueryExecution", request, AthenaJsonContext.Default.StartQueryExecutionRequest, AthenaJsonContext.Default.StartQueryExecutionResponse, cancellationToken);

    public Task<GetQueryExecutionResponse> GetQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken) =>
        SendAsync("GetQueryExecution", new GetQueryExecutionRequest { QueryExecutionId = queryExecutionId },
            AthenaJsonContext.Default.GetQueryExecutionRequest, AthenaJsonContext.Default.GetQueryExecutionResponse, cancellationToken);

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken) =>
        SendAsync("GetQueryResults", request, AthenaJsonContext.Default.GetQueryResultsRequest, AthenaJsonContext.Default.GetQueryResultsResponse, cancellationToken);

    public Task StopQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken) =>
        SendAsync("StopQueryExecution", new StopQueryExecutionRequest { QueryExecutionId = queryExecutionId },
            AthenaJsonContext.Default.StopQueryExecutionRequest, AthenaJsonContext.Default.StopQueryExecutionResponse, cancellationToken);

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        // Serialized once: a retried request is byte for byte the first (a Start keeps its ClientRequestToken).
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        for (var attempt = 1; ; attempt++)
        {
            var (response, failure) = await TryOnceAsync(operation, body, responseType, cancellationToken);
            if (failure is null)
                return response!;
            if (attempt >= _options.MaxAttempts || !AthenaErrors.IsRetryable(failure))
                throw failure;
            var delay = Backoff.Jittered(attempt - 1, _options.RetryBaseDelay, _options.RetryMaxDelay);
            _options.Logger.Debug("Athena {Operation} attempt {Attempt} of {MaxAttempts} failed with {ErrorType}; retrying in {Delay}",
                operation, attempt, _options.MaxAttempts, failure.ErrorType, delay);
            await _options.Delay(delay, cancellationToken);
        }
    }

    /// <summary>One attempt: the answer, or the error it came to (a service error, or none came).</summary>
    private async Task<(TResponse? Response, AthenaException? Failure)> TryOnceAsync<TResponse>(
        string operation, byte[] body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = JsonContentType;
        message.Headers.Add("X-Amz-Target", "AmazonAthena." + operation);
        HttpResponseMessage? answer = null;
        byte[] bytes;
        try
        {
            answer = await _http.SendAsync(message, cancellationToken);
            bytes = await answer.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            answer?.Dispose();
            return (default, new AthenaException(operation, "RequestFailed", $"could not reach {Endpoint}: {e.Message}", inner: e));
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            answer?.Dispose();
            return (default, new AthenaException(operation, "RequestTimeout", $"no answer from {Endpoint} within {_http.Timeout.TotalSeconds:0} s", inner: e));
        }
        catch
        {
            answer?.Dispose();
            throw;
        }
        using (answer)
        {
            if (!answer.IsSuccessStatusCode)
                return (default, AthenaErrors.Read(operation, (int)answer.StatusCode, bytes, answer.Headers));
            try
            {
                var response = JsonSerializer.Deserialize(bytes, responseType)
                    ?? throw new JsonException("the answer is JSON null");
                return (response, null);
            }
            catch (JsonException e)
            {
                throw new AthenaException(operation, "InvalidResponse", $"the answer is not the JSON expected: {e.Message}", (int)answer.StatusCode, inner: e);
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
