using System.Diagnostics;
using FlowLogWarehouse.Athena.Protocol;

namespace FlowLogWarehouse.Athena;

/// <summary>
/// Runs one statement the Athena way: StartQueryExecution, GetQueryExecution with backoff until the query ends,
/// then a result that pages GetQueryResults as it is read. A cancelled wait stops the query on Athena, which would
/// otherwise go on scanning (and billing) with no one to read it.
/// </summary>
public sealed class AthenaQueryRunner(AthenaClient client, AthenaRunnerOptions? options = null)
{
    private readonly AthenaRunnerOptions _options = Validate(options ?? new AthenaRunnerOptions());

    /// <summary>
    /// The result of a query that SUCCEEDED, its first page already fetched (it names the columns). A query that
    /// ends FAILED or CANCELLED is an <see cref="AthenaQueryException"/>; a refused request an <see cref="AthenaException"/>.
    /// </summary>
    public async Task<AthenaQueryResult> RunAsync(AthenaQuery query, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var queryId = await StartAsync(query, cancellationToken);
        var execution = await WaitAsync(queryId, cancellationToken);
        var state = execution.Status?.State;
        if (state != QueryExecutionState.Succeeded)
            throw new AthenaQueryException(queryId, state ?? "(no state)", execution.Status?.StateChangeReason, execution.Status?.AthenaError);
        var first = await client.GetQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = queryId, MaxResults = _options.PageSize }, cancellationToken);
        return new AthenaQueryResult(client, queryId, execution, first, _options.PageSize, stopwatch);
    }

    /// <summary>
    /// Starts <paramref name="query"/> and returns its QueryExecutionId without waiting for it. Cancelled while the
    /// request is in flight, the query may have started with no id known here to stop it.
    /// </summary>
    public async Task<string> StartAsync(AthenaQuery query, CancellationToken cancellationToken)
    {
        var request = new StartQueryExecutionRequest
        {
            QueryString = query.Sql,
            // One token per logical query: the client's retries resend it, so Athena starts the query once.
            ClientRequestToken = query.ClientRequestToken ?? Guid.NewGuid().ToString("N"),
            QueryExecutionContext = query.Database is null && query.Catalog is null
                ? null
                : new QueryExecutionContext { Database = query.Database, Catalog = query.Catalog },
            ResultConfiguration = query.OutputLocation is null ? null : new ResultConfiguration { OutputLocation = query.OutputLocation },
            WorkGroup = query.WorkGroup,
            ExecutionParameters = query.ExecutionParameters.Count == 0 ? null : query.ExecutionParameters,
        };
        var response = await client.StartQueryExecutionAsync(request, cancellationToken);
        return response.QueryExecutionId
            ?? throw new AthenaException("StartQueryExecution", "InvalidResponse", "the answer has no QueryExecutionId");
    }

    /// <summary>
    /// Polls until the query is SUCCEEDED, FAILED or CANCELLED and returns its last description. Cancelling
    /// <paramref name="cancellationToken"/> sends StopQueryExecution (best effort) before the cancellation surfaces.
    /// </summary>
    public async Task<QueryExecution> WaitAsync(string queryId, CancellationToken cancellationToken)
    {
        try
        {
            for (var poll = 0; ; poll++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var execution = (await client.GetQueryExecutionAsync(queryId, cancellationToken)).QueryExecution
                    ?? throw new AthenaException("GetQueryExecution", "InvalidResponse", $"the answer for query {queryId} has no QueryExecution");
                if (QueryExecutionState.IsFinal(execution.Status?.State))
                    return execution;
                await _options.Delay(Backoff.Delay(poll, _options.PollFirstDelay, _options.PollMaxDelay), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StopQuietlyAsync(queryId);
            throw;
        }
    }

    private async Task StopQuietlyAsync(string queryId)
    {
        // The caller's token is already cancelled: the stop gets its own, short, budget.
        using var timeout = new CancellationTokenSource(_options.StopTimeout);
        try
        {
            await client.StopQueryExecutionAsync(queryId, timeout.Token);
            _options.Logger.Debug("Stopped Athena query {QueryId} on cancellation", queryId);
        }
        catch (Exception e) when (e is AthenaException or OperationCanceledException)
        {
            _options.Logger.Warning("Could not stop Athena query {QueryId} on cancellation: {Reason}", queryId, e.Message);
        }
    }

    private static AthenaRunnerOptions Validate(AthenaRunnerOptions options) =>
        options.PageSize is < 1 or > 1000
            ? throw new ArgumentOutOfRangeException(nameof(options), options.PageSize, "PageSize must be 1 to 1000 (Athena's limit)")
            : options;
}
