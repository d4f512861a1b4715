namespace FlowLogWarehouse.Query;

/// <summary>
/// A query the engine refused or failed: bad SQL, a write attempt, a missing warehouse. The message is for the
/// user; <see cref="QueryId"/> names the engine's execution when it has one.
/// </summary>
public sealed class QueryException(string message, Exception? inner = null, string? queryId = null) : Exception(message, inner)
{
    public string? QueryId { get; } = queryId;
}
