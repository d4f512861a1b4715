using System.Xml.Linq;
using Amazon.Runtime;
using FlowLogWarehouse.Aws;
using Microsoft.AspNetCore.Http;

namespace FlowLogWarehouse.TestSupport;

/// <summary>
/// A fake Amazon EC2 endpoint on 127.0.0.1 for the flow log operations: it speaks the EC2 Query protocol (form-encoded
/// POST, XML answers), refuses requests without a SigV4 Authorization header for ec2, records every request's
/// parameters, creates and describes flow logs, and answers as EC2 does when a resource is refused (an unsuccessful
/// item) or the caller is not allowed (an error document with HTTP 403).
/// </summary>
public sealed partial class FakeEc2 : IAsyncDisposable
{
    public const string Region = "eu-west-1";

    public const string AccessKey = "AKIDFAKEEC2";

    public const string SecretKey = "fake-ec2-secret-key";

    private LoopbackHttpServer _server = null!;
    private readonly Lock _lock = new();
    private readonly List<FakeEc2Request> _requests = [];
    private readonly List<FakeEc2FlowLog> _flowLogs = [];
    private readonly Dictionary<string, (string Code, string Message)> _refusals = [];
    private (int Status, string Code, string Message)? _failNext;
    private int _created;

    private FakeEc2()
    {
    }

    public static async Task<FakeEc2> StartAsync()
    {
        var fake = new FakeEc2();
        fake._server = await LoopbackHttpServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public string Endpoint => _server.Endpoint;

    public AwsSettings Settings => new() { EndpointUrl = Endpoint, Region = Region };

    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials(AccessKey, SecretKey);

    /// <summary>What a child <c>flowlogs</c> needs to sign for this fake from the default chain.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_REGION"] = Region,
        // Nothing of the machine's own AWS setup may leak in: no shared files, no instance metadata lookups.
        ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>DescribeFlowLogs answers at most this many flow logs a page, with a nextToken for the rest.</summary>
    public int PageSize { get; set; } = 1000;

    public IReadOnlyList<FakeEc2Request> Requests => Snapshot(_requests);

    public IReadOnlyList<FakeEc2Request> RequestsFor(string action) => Requests.Where(r => r.Action == action).ToList();

    /// <summary>The account's flow logs: those added here and those CreateFlowLogs made.</summary>
    public IReadOnlyList<FakeEc2FlowLog> FlowLogs => Snapshot(_flowLogs);

    /// <summary>A copy taken under the lock: requests arrive on Kestrel's threads while a test reads.</summary>
    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_lock)
            return list.ToList();
    }

    public void Add(FakeEc2FlowLog flowLog)
    {
        lock (_lock)
            _flowLogs.Add(flowLog);
    }

    /// <summary>CreateFlowLogs lists <paramref name="resourceId"/> as unsuccessful with this error from now on.</summary>
    public void Refuse(string resourceId, string code, string message)
    {
        lock (_lock)
            _refusals[resourceId] = (code, message);
    }

    /// <summary>The next signed request gets EC2's error document with this status, as for a caller without permission.</summary>
    public void FailNext(int status, string code, string message)
    {
        lock (_lock)
            _failNext = (status, code, message);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
        var parameters = (form ?? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)[])
            .Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        var action = parameters.Where(p => p.Key == "Action").Select(p => p.Value).FirstOrDefault();
        var authorization = request.Headers.Authorization.ToString();
        var scope = FakeSignature.Parse(authorization);

        Answer answer;
        lock (_lock)
        {
            answer = Respond(request, action, parameters, authorization);
            _requests.Add(new FakeEc2Request(action, parameters, scope?.Region, scope?.Service, answer.Status, answer.ErrorCode));
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync(answer.Xml.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
    }

    private Answer Respond(HttpRequest request, string? action, List<KeyValuePair<string, string>> parameters, string authorization)
    {
        var date = request.Headers["X-Amz-Date"].ToString();
        if (FakeSignature.Check(authorization, date.Length > 0 ? date : null, Region, "ec2") is { } rejection)
            return Error(401, "AuthFailure", rejection.Message);
        if (request.Method != "POST" || !request.HasFormContentType)
            return Error(400, "InvalidParameterValue", "EC2 takes a form-encoded POST");
        if (_failNext is { } failure)
        {
            _failNext = null;
            return Error(failure.Status, failure.Code, failure.Message);
        }
        var values = new Parameters(parameters);
        if (values["Version"] != "2016-11-15")
            return Error(400, "InvalidParameterValue", $"Version '{values["Version"]}' is not 2016-11-15");
        return action switch
        {
            "CreateFlowLogs" => CreateFlowLogs(values),
            "DescribeFlowLogs" => DescribeFlowLogs(values),
            _ => Error(400, "InvalidAction", $"The action {action} is not valid for this web service."),
        };
    }

    private sealed record Answer(int Status, XElement Xml, string? ErrorCode = null);

    private static Answer Error(int status, string code, string message) =>
        new(status, new XElement("Response",
            new XElement("Errors", new XElement("Error", new XElement("Code", code), new XElement("Message", message))),
            new XElement("RequestID", Guid.NewGuid().ToString())), code);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
