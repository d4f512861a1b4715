using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowLogWarehouse.TestSupport;

/// <summary>The fake's four operations and the life of its queries.</summary>
public sealed partial class FakeAthena
{
    private static readonly string[] DdlKeywords = ["CREATE", "DROP", "ALTER", "MSCK"];

    private readonly Dictionary<string, FakeQuery> _queries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _queryByToken = new(StringComparer.Ordinal);

    private sealed class FakeQuery
    {
        public required string Id { get; init; }
        public required string Sql { get; init; }
        public required IReadOnlyList<string> Parameters { get; init; }
        public required JsonElement Request { get; init; }
        public required bool IsDdl { get; init; }
        public required DateTimeOffset Submitted { get; init; }
        public string? FailReason { get; init; }
        public bool Hold { get; init; }
        public string State { get; set; } = "QUEUED";
        public int Reports { get; set; }
        public string? StateChangeReason { get; set; }
        public DateTimeOffset? Completed { get; set; }
        public FakeAthenaResultSet? Result { get; set; }
    }

    private Answer Start(JsonElement body)
    {
        var sql = Text(body, "QueryString");
        if (string.IsNullOrWhiteSpace(sql))
            return Answer.InvalidRequest("QueryString must not be empty");
        // As Athena: a Start sent again with the same token is the same query, not a second one.
        var token = Text(body, "ClientRequestToken");
        if (token is not null && _queryByToken.TryGetValue(token, out var existing))
            return Answer.Ok(new JsonObject { ["QueryExecutionId"] = existing });
        if (token is not null && token.Length is < 32 or > 128)
            return Answer.InvalidRequest("ClientRequestToken must be 32 to 128 characters");

        var parameters = body.TryGetProperty("ExecutionParameters", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(p => p.GetString() ?? "").ToList()
            : [];
        var query = new FakeQuery
        {
            Id = Guid.NewGuid().ToString(),
            Sql = sql,
            Parameters = parameters,
            Request = body,
            IsDdl = IsDdl(sql),
            Submitted = DateTimeOffset.UtcNow,
            FailReason = _failNextReason,
            Hold = _holdNext,
        };
        _failNextReason = null;
        _holdNext = false;
        _queries[query.Id] = query;
        if (token is not null)
            _queryByToken[token] = query.Id;
        if (query.IsDdl)
        {
            lock (_recordLock)
                _ddl.Add(sql);
        }
        return Answer.Ok(new JsonObject { ["QueryExecutionId"] = query.Id });
    }

    private async Task<Answer> DescribeAsync(JsonElement body, CancellationToken cancellationToken)
    {
        if (Find(body, out var answer) is not { } query)
            return answer!;
        if (query.State == "QUEUED" && query.Reports >= QueuedPolls)
            (query.State, query.Reports) = ("RUNNING", 0);
        if (query.State == "RUNNING" && query.Reports >= RunningPolls && !query.Hold)
            await FinishAsync(query, cancellationToken);
        query.Reports++;
        return Answer.Ok(new JsonObject { ["QueryExecution"] = Describe(query) });
    }

    private async Task FinishAsync(FakeQuery query, CancellationToken cancellationToken)
    {
        if (query.FailReason is not null)
        {
            Complete(query, "FAILED", query.FailReason);
            return;
        }
        if (query.IsDdl && DdlExecutor is null)
        {
            query.Result = FakeAthenaResultSet.Empty;
            Complete(query, "SUCCEEDED", null);
            return;
        }
        try
        {
            query.Result = await (query.IsDdl ? DdlExecutor! : _executor)(query.Sql, query.Parameters, cancellationToken);
            Complete(query, "SUCCEEDED", null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Athena reports a query's SQL errors this way: FAILED, and the reason in StateChangeReason.
            Complete(query, "FAILED", e.Message);
        }
    }

    private static void Complete(FakeQuery query, string state, string? reason)
    {
        query.State = state;
        query.StateChangeReason = reason;
        query.Completed = DateTimeOffset.UtcNow;
    }

    private JsonObject Describe(FakeQuery query)
    {
        var status = new JsonObject
        {
            ["State"] = query.State,
            ["SubmissionDateTime"] = EpochSeconds(query.Submitted),
        };
        if (query.StateChangeReason is not null)
            status["StateChangeReason"] = query.StateChangeReason;
        if (query.Completed is { } completed)
            status["CompletionDateTime"] = EpochSeconds(completed);
        if (query.State == "FAILED")
            status["AthenaError"] = new JsonObject { ["ErrorCategory"] = 2, ["ErrorType"] = 1100, ["Retryable"] = false, ["ErrorMessage"] = query.StateChangeReason };

        var elapsed = (long)((query.Completed ?? DateTimeOffset.UtcNow) - query.Submitted).TotalMilliseconds;
        var execution = new JsonObject
        {
            ["QueryExecutionId"] = query.Id,
            ["Query"] = query.Sql,
            ["Status"] = status,
            ["Statistics"] = new JsonObject
            {
                ["EngineExecutionTimeInMillis"] = elapsed,
                ["DataScannedInBytes"] = query.IsDdl || query.State != "SUCCEEDED" ? 0 : BytesScanned,
                ["TotalExecutionTimeInMillis"] = elapsed,
                ["QueryQueueTimeInMillis"] = 0,
            },
            ["WorkGroup"] = Text(query.Request, "WorkGroup") ?? "primary",
        };
        if (SendStatementType)
            execution["StatementType"] = query.IsDdl ? "DDL" : "DML";
        foreach (var echoed in new[] { "QueryExecutionContext", "ResultConfiguration", "ExecutionParameters" })
            if (query.Request.TryGetProperty(echoed, out var value))
                execution[echoed] = JsonNode.Parse(value.GetRawText());
        return execution;
    }

    private Answer Results(JsonElement body)
    {
        if (Find(body, out var answer) is not { } query)
            return answer!;
        if (query.State != "SUCCEEDED")
            return Answer.InvalidRequest(query.State is "QUEUED" or "RUNNING"
                ? $"Query has not yet finished. Current state: {query.State}"
                : $"Query did not finish successfully. Final query state: {query.State}");
        var maxResults = body.TryGetProperty("MaxResults", out var max) ? max.GetInt32() : 1000;
        if (maxResults is < 1 or > 1000)
            return Answer.InvalidRequest($"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000");
        var offset = 0;
        if (Text(body, "NextToken") is { } token && !TryReadToken(token, query.Id, out offset))
            return Answer.InvalidRequest($"The NextToken '{token}' is not valid for query {query.Id}");

        var result = query.Result!;
        // A SELECT's first row is the header, and it counts towards the page like any other row.
        var header = query.IsDdl ? 0 : 1;
        var total = header + result.Rows.Count;
        var end = Math.Min(total, offset + Math.Min(maxResults, PageSize));
        var rows = new JsonArray();
        for (var i = offset; i < end; i++)
            rows.Add(Row(i < header ? result.Columns.Select(c => (string?)c.Name).ToArray() : result.Rows[i - header]));
        var columns = new JsonArray(result.Columns.Select(c => (JsonNode)new JsonObject
        {
            ["CatalogName"] = "hive",
            ["SchemaName"] = "",
            ["TableName"] = "",
            ["Name"] = c.Name,
            ["Label"] = c.Name,
            ["Type"] = c.Type,
            ["Precision"] = 0,
            ["Scale"] = 0,
            ["Nullable"] = "UNKNOWN",
            ["CaseSensitive"] = c.Type == "varchar",
        }).ToArray());
        var page = new JsonObject
        {
            ["UpdateCount"] = 0,
            ["ResultSet"] = new JsonObject { ["Rows"] = rows, ["ResultSetMetadata"] = new JsonObject { ["ColumnInfo"] = columns } },
        };
        if (end < total)
            page["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{query.Id}/{end}"));
        return Answer.Ok(page);
    }

    private Answer Stop(JsonElement body)
    {
        if (Find(body, out var answer) is not { } query)
            return answer!;
        // Stopping a query that already ended is no error for Athena either.
        if (query.State is "QUEUED" or "RUNNING")
            Complete(query, "CANCELLED", "Query was cancelled by user");
        return Answer.Ok(new JsonObject());
    }

    private FakeQuery? Find(JsonElement body, out Answer? error)
    {
        var id = Text(body, "QueryExecutionId");
        error = null;
        if (id is not null && _queries.TryGetValue(id, out var query))
            return query;
        error = Answer.InvalidRequest(id is null ? "QueryExecutionId is required" : $"QueryExecution {id} was not found");
        return null;
    }

    private static JsonObject Row(string?[] cells) => new()
    {
        ["Data"] = new JsonArray(cells.Select(c => (JsonNode)(c is null ? new JsonObject() : new JsonObject { ["VarCharValue"] = c })).ToArray()),
    };

    private static bool TryReadToken(string token, string queryId, out int offset)
    {
        offset = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('/');
            return parts.Length == 2 && parts[0] == queryId && int.TryParse(parts[1], out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsDdl(string sql)
    {
        var first = sql.TrimStart().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return DdlKeywords.Contains(first, StringComparer.OrdinalIgnoreCase);
    }

    internal static string? Text(JsonElement body, string property) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000m;
}
