using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using FlowLogWarehouse.Aws;
using Microsoft.AspNetCore.Http;

namespace FlowLogWarehouse.TestSupport;

/// <summary>
/// A fake Amazon Athena endpoint on 127.0.0.1 for tests (no Athena emulator exists here). It speaks AWS JSON 1.1,
/// rejects requests without a SigV4 Authorization header for athena, walks each query QUEUED → RUNNING →
/// SUCCEEDED over successive GetQueryExecution calls, runs SELECTs through an executor (DuckDB over a warehouse by
/// default), accepts DDL without running it, and records every request. Faults are injected on demand: throttling,
/// a 5xx, a failed query, a query that runs until stopped.
/// </summary>
public sealed partial class FakeAthena : IAsyncDisposable
{
    public const string Region = "eu-west-1";

    public const string AccessKey = "AKIDFAKEATHENA";

    private readonly FakeAthenaExecutor _executor;
    private LoopbackHttpServer _server = null!;
    // One request at a time: the state machine needs no finer locking, and tests send sequentially anyway.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _recordLock = new();
    private readonly List<FakeAthenaRequest> _requests = [];
    private readonly List<string> _ddl = [];
    private int _throttle;
    private string _throttleType = "ThrottlingException";
    private int _serverErrors;
    private string? _failNextReason;
    private bool _holdNext;

    private FakeAthena(FakeAthenaExecutor executor) => _executor = executor;

    /// <summary>A fake whose SELECTs run through <paramref name="executor"/>.</summary>
    public static async Task<FakeAthena> StartAsync(FakeAthenaExecutor executor)
    {
        var fake = new FakeAthena(executor);
        fake._server = await LoopbackHttpServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <summary>A fake whose SELECTs run on DuckDB over the local <paramref name="warehouse"/> (see <see cref="FakeAthenaDuckDb"/>).</summary>
    public static Task<FakeAthena> StartAsync(string warehouse) => StartAsync(FakeAthenaDuckDb.Executor(warehouse));

    /// <summary>http://127.0.0.1:port/</summary>
    public string Endpoint => _server.Endpoint;

    /// <summary>Settings that point a client here, signing for <see cref="Region"/>.</summary>
    public AwsSettings Settings => new() { EndpointUrl = Endpoint, Region = Region };

    /// <summary>Any key passes (the HMAC is not checked); this one is recognisable in recorded headers.</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials(AccessKey, "fake-athena-secret-key");

    /// <summary>When set, a credential scope for another region is refused as Athena would.</summary>
    public string? ExpectedRegion { get; set; } = Region;

    /// <summary>Rows per GetQueryResults page at most, below the client's MaxResults.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>GetQueryExecution answers that report QUEUED, then RUNNING, before the query finishes.</summary>
    public int QueuedPolls { get; set; } = 1;

    public int RunningPolls { get; set; } = 1;

    /// <summary>False leaves StatementType out of GetQueryExecution answers, as some older answers did.</summary>
    public bool SendStatementType { get; set; } = true;

    /// <summary>When set, DDL runs through it (a fake of raw tables for loads) instead of succeeding untouched.</summary>
    public FakeAthenaExecutor? DdlExecutor { get; set; }

    /// <summary>Reported as DataScannedInBytes for every SELECT.</summary>
    public long BytesScanned { get; set; } = 10_485_760;

    /// <summary>Every request so far, in arrival order, including refused ones.</summary>
    public IReadOnlyList<FakeAthenaRequest> Requests
    {
        get
        {
            lock (_recordLock)
                return _requests.ToList();
        }
    }

    public IReadOnlyList<FakeAthenaRequest> RequestsFor(string operation) => Requests.Where(r => r.Operation == operation).ToList();

    /// <summary>DDL statements started, as sent; they succeed without running.</summary>
    public IReadOnlyList<string> DdlStatements
    {
        get
        {
            lock (_recordLock)
                return _ddl.ToList();
        }
    }

    /// <summary>The next <paramref name="requests"/> requests that pass the signature check get HTTP 400 with this error.</summary>
    public void ThrottleNext(int requests, string errorType = "ThrottlingException")
    {
        _throttle = requests;
        _throttleType = errorType;
    }

    /// <summary>The next <paramref name="requests"/> requests that pass the signature check get HTTP 500.</summary>
    public void ServerErrorNext(int requests = 1) => _serverErrors = requests;

    /// <summary>The next query started ends FAILED with <paramref name="reason"/> instead of running.</summary>
    public void FailNextQuery(string reason) => _failNextReason = reason;

    /// <summary>The next query started stays RUNNING until a StopQueryExecution cancels it.</summary>
    public void HoldNextQuery() => _holdNext = true;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = ParseBody(buffer.ToArray());
        var target = request.Headers["X-Amz-Target"].ToString();
        var operation = target.StartsWith("AmazonAthena.", StringComparison.Ordinal) ? target["AmazonAthena.".Length..] : null;
        var authorization = request.Headers.Authorization.ToString();
        var scope = FakeSignature.Parse(authorization);

        Answer answer;
        await _gate.WaitAsync(context.RequestAborted);
        try
        {
            answer = await AnswerAsync(request, operation, body, authorization, context.RequestAborted);
        }
        finally
        {
            _gate.Release();
        }

        lock (_recordLock)
            _requests.Add(new FakeAthenaRequest(operation, body, authorization.Length == 0 ? null : authorization, scope?.Region, scope?.Service, answer.Status, answer.ErrorType));
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(answer.Json.ToJsonString(), context.RequestAborted);
    }

    private async Task<Answer> AnswerAsync(HttpRequest request, string? operation, JsonElement body, string authorization, CancellationToken cancellationToken)
    {
        if (FakeSignature.Check(authorization, request.Headers["X-Amz-Date"].ToString() is { Length: > 0 } date ? date : null, ExpectedRegion, "athena") is { } rejection)
            return Answer.Error(403, rejection.ErrorType, rejection.Message);
        if (request.Method != "POST" || request.Path != "/")
            return Answer.Error(404, "UnknownOperationException", $"{request.Method} {request.Path} is not an Athena operation");
        if (!request.ContentType?.StartsWith("application/x-amz-json-1.1", StringComparison.Ordinal) ?? true)
            return Answer.Error(400, "SerializationException", $"Content-Type must be application/x-amz-json-1.1, not '{request.ContentType}'");
        if (body.ValueKind != JsonValueKind.Object)
            return Answer.Error(400, "SerializationException", "the body is not a JSON object");
        if (_throttle > 0)
        {
            _throttle--;
            return Answer.Error(400, _throttleType, "Rate exceeded", capitalMessage: _throttleType == "TooManyRequestsException");
        }
        if (_serverErrors > 0)
        {
            _serverErrors--;
            return Answer.Error(500, "InternalServerException", "We encountered an internal error. Please try again.", capitalMessage: true);
        }
        return operation switch
        {
            "StartQueryExecution" => Start(body),
            "GetQueryExecution" => await DescribeAsync(body, cancellationToken),
            "GetQueryResults" => Results(body),
            "StopQueryExecution" => Stop(body),
            _ => Answer.Error(400, "UnknownOperationException", $"X-Amz-Target '{request.Headers["X-Amz-Target"]}' names no operation this fake knows"),
        };
    }

    private static JsonElement ParseBody(byte[] bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private sealed record Answer(int Status, JsonNode Json, string? ErrorType = null)
    {
        public static Answer Ok(JsonNode json) => new(200, json);

        /// <summary>Athena's modeled errors carry "Message"; AWS's common ones (ThrottlingException) "message".</summary>
        public static Answer Error(int status, string type, string message, bool capitalMessage = false) =>
            new(status, new JsonObject { ["__type"] = "com.amazonaws.athena#" + type, [capitalMessage ? "Message" : "message"] = message }, type);

        public static Answer InvalidRequest(string message) => Error(400, "InvalidRequestException", message, capitalMessage: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _gate.Dispose();
    }
}
