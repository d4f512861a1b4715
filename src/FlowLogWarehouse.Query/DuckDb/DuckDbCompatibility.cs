namespace FlowLogWarehouse.Query.DuckDb;

/// <summary>
/// Macros that let DuckDB run the Trino (Athena) SQL the reports are written in, created on every connection.
/// Only functions whose Trino meaning DuckDB lacks or names differently belong here; reports keep to the common
/// ground otherwise (see sql/README.md).
/// </summary>
public static class DuckDbCompatibility
{
    public static readonly IReadOnlyList<string> Macros =
    [
        // Trino's from_unixtime gives a UTC timestamp; DuckDB's to_timestamp would give one in the local zone.
        "CREATE MACRO from_unixtime(seconds) AS make_timestamp(CAST(seconds AS BIGINT) * 1000000)",
        "CREATE MACRO to_unixtime(ts) AS epoch(ts)",
        "CREATE MACRO approx_distinct(x) AS approx_count_distinct(x)",
        "CREATE MACRO approx_percentile(x, p) AS approx_quantile(x, p)",
        "CREATE MACRO regexp_like(s, pattern) AS regexp_matches(s, pattern)",
        "CREATE MACRO bitwise_and(a, b) AS (a & b)",
        "CREATE MACRO cardinality(list) AS len(list)",
        "CREATE MACRO array_join(list, separator) AS array_to_string(list, separator)",
        // Trino's slice takes a length, DuckDB's list_slice an inclusive end (same for a positive start).
        "CREATE MACRO slice(list, start, length) AS list_slice(list, start, start + length - 1)",
    ];
}
