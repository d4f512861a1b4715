using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace FlowLogWarehouse.Query.DuckDb;

/// <summary>
/// Keeps the query interface read-only: a statement is prepared (not run) and its type asked from DuckDB before it
/// may execute. Only queries pass; COPY, ATTACH, CREATE, SET, INSERT and the rest are refused.
/// </summary>
internal static partial class StatementGuard
{
    // duckdb_statement_type values of the C API.
    private const int Select = 1;
    private const int Explain = 4;

    // DuckDB.NET does not wrap it; the library is the same one DuckDB.NET loaded.
    [LibraryImport("duckdb", EntryPoint = "duckdb_prepared_statement_type")]
    private static partial int PreparedStatementType(IntPtr statement);

    /// <summary>Throws a <see cref="QueryException"/> unless <paramref name="sql"/> is one read-only statement.</summary>
    public static void Check(DuckDBConnection connection, string sql)
    {
        var count = NativeMethods.ExtractStatements.DuckDBExtractStatements(connection.NativeConnection, sql, out var extracted);
        using (extracted)
        {
            if (count == 0)
                throw new QueryException(NativeMethods.ExtractStatements.DuckDBExtractStatementsError(extracted) ?? "no statement to run");
            if (count > 1)
                throw new QueryException($"one statement at a time: this text holds {count}");
            var state = NativeMethods.ExtractStatements.DuckDBPrepareExtractedStatement(connection.NativeConnection, extracted, 0, out var prepared);
            using (prepared)
            {
                if (state != DuckDBState.Success)
                    throw new QueryException(NativeMethods.PreparedStatements.DuckDBPrepareError(prepared) ?? "the statement could not be prepared");
                var type = PreparedStatementType(prepared.DangerousGetHandle());
                if (type == Explain && ExplainedStatement(sql) is { } inner)
                    Check(connection, inner);
                else if (type != Select)
                    throw new QueryException("the warehouse is read-only: only queries (SELECT, WITH, FROM, DESCRIBE, SUMMARIZE, EXPLAIN) may run");
            }
        }
    }

    // EXPLAIN ANALYZE runs its statement, so what it explains must pass the same check.
    private static string? ExplainedStatement(string sql)
    {
        var rest = SkipKeyword(sql.TrimStart(), "EXPLAIN");
        if (rest is null)
            return null;
        return SkipKeyword(rest, "ANALYZE") ?? SkipKeyword(rest, "ANALYSE") ?? rest;
    }

    private static string? SkipKeyword(string text, string keyword) =>
        text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) && (text.Length == keyword.Length || char.IsWhiteSpace(text[keyword.Length]))
            ? text[keyword.Length..].TrimStart()
            : null;
}
