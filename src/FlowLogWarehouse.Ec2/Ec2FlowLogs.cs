using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace FlowLogWarehouse.Ec2;

/// <summary>
/// The flow log operations of EC2 the CLI uses. Every failure of EC2 becomes an <see cref="Ec2Exception"/> that says
/// what EC2 said; SDK v4 leaves lists null when EC2 sends none, and nothing here passes a null on.
/// </summary>
public sealed class Ec2FlowLogs(IAmazonEC2 ec2)
{
    /// <summary>What CreateFlowLogs did: flow logs created, and resources EC2 refused with its reason.</summary>
    public sealed record Created(IReadOnlyList<string> FlowLogIds, IReadOnlyList<Refusal> Unsuccessful);

    public sealed record Refusal(string ResourceId, string Code, string Message)
    {
        public override string ToString() => $"{ResourceId}: {Code}: {Message}";
    }

    public async Task<Created> CreateAsync(FlowLogSpec spec, CancellationToken cancellationToken)
    {
        var request = spec.ToRequest();
        var response = await Call("CreateFlowLogs", () => ec2.CreateFlowLogsAsync(request, cancellationToken));
        var refused = (response.Unsuccessful ?? [])
            .Select(u => new Refusal(u.ResourceId ?? "?", u.Error?.Code ?? "Unknown", u.Error?.Message ?? "EC2 gave no reason"))
            .ToList();
        return new Created(response.FlowLogIds ?? [], refused);
    }

    /// <summary>Flow logs of <paramref name="resourceIds"/> (all of them when empty), every page.</summary>
    public async Task<IReadOnlyList<FlowLog>> DescribeAsync(IReadOnlyList<string> resourceIds, CancellationToken cancellationToken)
    {
        var request = new DescribeFlowLogsRequest();
        if (resourceIds.Count > 0)
            request.Filter = [new Filter("resource-id", resourceIds.ToList())];
        var flowLogs = new List<FlowLog>();
        while (true)
        {
            var page = await Call("DescribeFlowLogs", () => ec2.DescribeFlowLogsAsync(request, cancellationToken));
            flowLogs.AddRange(page.FlowLogs ?? []);
            if (string.IsNullOrEmpty(page.NextToken))
                return flowLogs;
            request.NextToken = page.NextToken;
        }
    }

    /// <summary>The flow log <paramref name="flowLogId"/>; refused as the user's mistake when EC2 has no such flow log.</summary>
    public async Task<FlowLog> GetAsync(string flowLogId, CancellationToken cancellationToken)
    {
        if (!flowLogId.StartsWith("fl-", StringComparison.Ordinal))
            throw new FlowLogRequestException($"'{flowLogId}' is not a flow log id (fl-…).");
        var request = new DescribeFlowLogsRequest { FlowLogIds = [flowLogId] };
        DescribeFlowLogsResponse response;
        try
        {
            response = await Call("DescribeFlowLogs", () => ec2.DescribeFlowLogsAsync(request, cancellationToken));
        }
        catch (Ec2Exception e) when (e.ErrorCode?.StartsWith("InvalidFlowLogId", StringComparison.Ordinal) == true)
        {
            throw new FlowLogRequestException($"EC2 has no flow log {flowLogId} ({e.ErrorCode}); 'flowlogs describe' lists those of this account and region.");
        }
        return response.FlowLogs?.FirstOrDefault(f => f.FlowLogId == flowLogId)
            ?? throw new FlowLogRequestException($"EC2 has no flow log {flowLogId} in this account and region; 'flowlogs describe' lists them.");
    }

    private static async Task<T> Call<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException e) when (e.StatusCode != 0 || e.ErrorCode is not null)
        {
            var status = e.StatusCode == 0 ? "" : $"HTTP {(int)e.StatusCode}, ";
            var code = e.ErrorCode ?? e.StatusCode.ToString();
            throw new Ec2Exception(operation, e.ErrorCode,
                $"EC2 refused {operation}: {code}: {e.Message} ({status}request id {e.RequestId ?? "none"}){Hint(e.StatusCode, e.ErrorCode)}", e);
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or HttpRequestException)
        {
            throw new Ec2Exception(operation, null, $"EC2 {operation} could not be sent: {e.Message}", e);
        }
    }

    private static string Hint(HttpStatusCode status, string? code) => code switch
    {
        "UnauthorizedOperation" => ". The credentials in use lack the IAM permission for it (and, to create, iam:PassRole on the delivery role).",
        "AuthFailure" or "InvalidClientTokenId" or "SignatureDoesNotMatch" => ". The credentials were not accepted: check the profile or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.",
        _ when status == HttpStatusCode.Forbidden => ". Check the credentials and their permissions.",
        _ => "",
    };
}
