using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Athena.Engine;

/// <summary>
/// Keeps ad-hoc SQL on Athena read-only: the first keyword (after comments and parentheses) must begin a query.
/// Athena runs one statement per query, so there is no second statement to hide behind the first. Athena's own
/// permissions are the real guard; this refuses the obvious before it is billed.
/// </summary>
public static class AthenaReadOnly
{
    private static readonly HashSet<string> QueryStarts = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "WITH", "VALUES", "TABLE", "SHOW", "DESCRIBE", "EXPLAIN" };

    public static void Check(string sql)
    {
        var word = FirstKeyword(sql);
        if (word is null)
            throw new QueryException("no statement to run");
        if (!QueryStarts.Contains(word))
            throw new QueryException($"the warehouse is read-only: only queries (SELECT, WITH, VALUES, SHOW, DESCRIBE, EXPLAIN) may run, not {word.ToUpperInvariant()}");
        if (word.Equals("EXPLAIN", StringComparison.OrdinalIgnoreCase) && !IsQuery(sql))
            throw new QueryException("the warehouse is read-only: EXPLAIN only of a query");
    }

    private static bool IsQuery(string sql)
    {
        var tokens = Words(sql).Take(4).ToList();
        // EXPLAIN [ANALYZE] [(options)] <query>: the first word after them must start a query.
        var next = tokens.Skip(1).FirstOrDefault(t => !t.Equals("ANALYZE", StringComparison.OrdinalIgnoreCase) && !t.Equals("VERBOSE", StringComparison.OrdinalIgnoreCase));
        return next is not null && QueryStarts.Contains(next) && !next.Equals("EXPLAIN", StringComparison.OrdinalIgnoreCase);
    }

    private static string? FirstKeyword(string sql) => Words(sql).FirstOrDefault();

    /// <summary>Words outside comments, skipping '(' and the contents of EXPLAIN's option list.</summary>
    private static IEnumerable<string> Words(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            if (sql.AsSpan(i).StartsWith("--"))
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (sql.AsSpan(i).StartsWith("/*"))
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (char.IsLetter(sql[i]))
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
                    i++;
                yield return sql[start..i];
            }
            else if (char.IsWhiteSpace(sql[i]) || sql[i] == '(')
            {
                i++;
            }
            else
            {
                yield break;
            }
        }
    }
}
