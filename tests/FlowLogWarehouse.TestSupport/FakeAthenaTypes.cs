using System.Text.Json;

namespace FlowLogWarehouse.TestSupport;

/// <summary>What a fake Athena query returns: columns with Athena type names, rows of VarCharValues (null is SQL NULL).</summary>
public sealed record FakeAthenaResultSet(IReadOnlyList<FakeAthenaColumn> Columns, IReadOnlyList<string?[]> Rows)
{
    public static FakeAthenaResultSet Empty { get; } = new([], []);
}

public sealed record FakeAthenaColumn(string Name, string Type);

/// <summary>
/// One request the fake received, whatever it answered. <see cref="Body"/> is the JSON sent (undefined when it was
/// not JSON); <see cref="Region"/> and <see cref="Service"/> come from the SigV4 credential scope when there was one.
/// </summary>
public sealed record FakeAthenaRequest(
    string? Operation,
    JsonElement Body,
    string? Authorization,
    string? Region,
    string? Service,
    int StatusCode,
    string? ErrorType)
{
    /// <summary>A string member of the body, or null.</summary>
    public string? String(string property) => FakeAthena.Text(Body, property);
}

/// <summary>Runs a statement for the fake: the SQL as sent, the execution parameters as sent.</summary>
public delegate Task<FakeAthenaResultSet> FakeAthenaExecutor(string sql, IReadOnlyList<string> executionParameters, CancellationToken cancellationToken);
