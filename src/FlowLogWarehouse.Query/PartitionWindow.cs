namespace FlowLogWarehouse.Query;

/// <summary>
/// The predicate that keeps a <see cref="TimeWindow"/>'s rows and lets an engine skip every other partition: the
/// window's first and last hour compared with the time partition keys (year, month, day[, hour]) in lexicographic
/// order, then <c>start</c> for the exact bounds. Written with AND/OR over single columns because that is what
/// engines prune partitions with: DuckDB reads every file for an arithmetic key over the same columns, and fails
/// on a row comparison (year, month, day, hour) &gt;= (…) once it is not consumed by pruning.
/// </summary>
public static class PartitionWindow
{
    public static SqlFragment Predicate(IReadOnlyList<string> timeKeys, TimeWindow window, string? alias = null)
    {
        var prefix = alias is null ? "" : alias + ".";
        var parameters = new List<QueryParameter>
        {
            new("window_from_seconds", window.FromSeconds),
            new("window_to_seconds", window.ToSeconds),
        };
        var clauses = new List<string>();
        if (timeKeys.Count > 0)
        {
            var columns = timeKeys.Select(k => prefix + k).ToList();
            clauses.Add(Compare(columns, Bind("window_first", timeKeys, window.FirstHour, parameters), ">", 0));
            clauses.Add(Compare(columns, Bind("window_last", timeKeys, window.LastHour, parameters), "<", 0));
        }
        clauses.Add($"{prefix}\"start\" >= :window_from_seconds");
        clauses.Add($"{prefix}\"start\" < :window_to_seconds");
        return new SqlFragment("(" + string.Join(" AND ", clauses) + ")", parameters);
    }

    // (a > x OR (a = x AND (b > y OR (b = y AND c >= z)))): the tuple (a, b, c) at or beyond (x, y, z).
    private static string Compare(IReadOnlyList<string> columns, IReadOnlyList<string> values, string strict, int i) =>
        i == columns.Count - 1
            ? $"{columns[i]} {strict}= {values[i]}"
            : $"({columns[i]} {strict} {values[i]} OR ({columns[i]} = {values[i]} AND {Compare(columns, values, strict, i + 1)}))";

    private static List<string> Bind(string prefix, IReadOnlyList<string> keys, DateTimeOffset hour, List<QueryParameter> parameters)
    {
        var names = new List<string>();
        foreach (var key in keys)
        {
            var name = $"{prefix}_{key}";
            parameters.Add(new QueryParameter(name, (long)(key switch
            {
                "year" => hour.Year,
                "month" => hour.Month,
                "day" => hour.Day,
                _ => hour.Hour,
            })));
            names.Add(":" + name);
        }
        return names;
    }
}
