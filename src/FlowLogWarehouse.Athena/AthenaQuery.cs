namespace FlowLogWarehouse.Athena;

/// <summary>One statement for Athena and where it runs. Unset fields fall to the workgroup's settings.</summary>
public sealed record AthenaQuery(string Sql)
{
    /// <summary>Values of the statement's <c>?</c> markers in order, each an SQL literal (<c>'abc'</c>, <c>42</c>, <c>TIMESTAMP '…'</c>).</summary>
    public IReadOnlyList<string> ExecutionParameters { get; init; } = [];

    public string? Database { get; init; }

    public string? Catalog { get; init; }

    public string? WorkGroup { get; init; }

    /// <summary>An s3:// folder for the result files; needed unless the workgroup sets one.</summary>
    public string? OutputLocation { get; init; }

    /// <summary>Null makes a new token per run; give one to make a whole run, not only its retries, idempotent.</summary>
    public string? ClientRequestToken { get; init; }
}
