using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.TestSupport;

/// <summary>A result's rows in a list, for assertions.</summary>
public static class QueryResults
{
    public static async Task<List<object?[]>> ReadAllAsync(this IQueryResult result)
    {
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(CancellationToken.None))
            rows.Add(row);
        return rows;
    }
}
