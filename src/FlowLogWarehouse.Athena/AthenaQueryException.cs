using FlowLogWarehouse.Athena.Protocol;

namespace FlowLogWarehouse.Athena;

/// <summary>A query Athena accepted ended FAILED or CANCELLED; the message carries its id and Athena's reason.</summary>
public sealed class AthenaQueryException(string queryId, string state, string? stateChangeReason, AthenaError? error = null)
    : Exception(Describe(queryId, state, stateChangeReason))
{
    public string QueryId { get; } = queryId;

    /// <summary>FAILED or CANCELLED.</summary>
    public string State { get; } = state;

    public string? StateChangeReason { get; } = stateChangeReason;

    /// <summary>Athena's classification when it gave one (category 2 is the user's SQL).</summary>
    public AthenaError? Error { get; } = error;

    private static string Describe(string queryId, string state, string? reason)
    {
        var what = state == QueryExecutionState.Cancelled ? "was cancelled" : "failed";
        return $"Athena query {queryId} {what}: {(string.IsNullOrWhiteSpace(reason) ? "Athena gave no reason" : reason)}";
    }
}
