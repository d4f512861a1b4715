namespace FlowLogWarehouse.Query;

/// <summary>
/// One statement and the values of its <c>:name</c> placeholders. A parameter's value is a long, double, bool,
/// string, <see cref="DateTimeOffset"/> or null; it is always bound, never written into the SQL text.
/// </summary>
public sealed record QueryRequest(string Sql, IReadOnlyList<QueryParameter> Parameters)
{
    public QueryRequest(string sql)
        : this(sql, [])
    {
    }
}

public sealed record QueryParameter(string Name, object? Value);

/// <summary>A piece of SQL with the parameters its placeholders name.</summary>
public sealed record SqlFragment(string Sql, IReadOnlyList<QueryParameter> Parameters);
