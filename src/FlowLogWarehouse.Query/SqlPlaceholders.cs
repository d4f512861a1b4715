using System.Text;

namespace FlowLogWarehouse.Query;

/// <summary>
/// Finds the <c>:name</c> placeholders of a statement, outside string literals, quoted identifiers and comments,
/// and rewrites them into an engine's own parameter syntax. <c>::</c> casts are left alone.
/// </summary>
public static class SqlPlaceholders
{
    /// <summary>
    /// The statement with every placeholder replaced by <paramref name="replacement"/>(name), and the names in order of
    /// appearance (a name used twice appears twice).
    /// </summary>
    public static (string Sql, IReadOnlyList<string> Names) Rewrite(string sql, Func<string, string> replacement)
    {
        var output = new StringBuilder(sql.Length);
        var names = new List<string>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var skip = SkipLength(sql, i);
            if (skip > 0)
            {
                output.Append(sql, i, skip);
                i += skip;
            }
            else if (c == ':' && IsNameStart(At(sql, i + 1)) && At(sql, i - 1) != ':')
            {
                var end = i + 1;
                while (end < sql.Length && IsNamePart(sql[end]))
                    end++;
                var name = sql[(i + 1)..end];
                names.Add(name);
                output.Append(replacement(name));
                i = end;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }
        return (output.ToString(), names);
    }

    /// <summary>
    /// The statement with its n-th (from 0) positional <c>?</c> marker, outside literals and comments, replaced by
    /// <paramref name="replacement"/>(n), and how many markers there were. Athena's execution parameters are these.
    /// </summary>
    public static (string Sql, int Count) RewritePositional(string sql, Func<int, string> replacement)
    {
        var output = new StringBuilder(sql.Length);
        var count = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var skip = SkipLength(sql, i);
            if (skip > 0)
            {
                output.Append(sql, i, skip);
                i += skip;
                continue;
            }
            if (sql[i] == '?')
                output.Append(replacement(count++));
            else
                output.Append(sql[i]);
            i++;
        }
        return (output.ToString(), count);
    }

    /// <summary>The distinct placeholder names of a statement.</summary>
    public static IReadOnlySet<string> Names(string sql) => Rewrite(sql, n => n).Names.ToHashSet(StringComparer.Ordinal);

    // Literals, quoted identifiers, comments and casts: text that holds no placeholder.
    private static int SkipLength(string sql, int i) => sql[i] switch
    {
        '\'' or '"' => QuotedLength(sql, i, sql[i]),
        '-' when At(sql, i + 1) == '-' => LineCommentLength(sql, i),
        '/' when At(sql, i + 1) == '*' => BlockCommentLength(sql, i),
        ':' when At(sql, i + 1) == ':' => 2,
        _ => 0,
    };

    private static char At(string s, int i) => i >= 0 && i < s.Length ? s[i] : '\0';

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // A quote is escaped by doubling it, in both string literals and quoted identifiers.
    private static int QuotedLength(string s, int start, char quote)
    {
        var i = start + 1;
        while (i < s.Length)
        {
            if (s[i] == quote)
            {
                if (At(s, i + 1) != quote)
                    return i + 1 - start;
                i++;
            }
            i++;
        }
        return s.Length - start;
    }

    private static int LineCommentLength(string s, int start)
    {
        var end = s.IndexOf('\n', start);
        return (end < 0 ? s.Length : end) - start;
    }

    private static int BlockCommentLength(string s, int start)
    {
        var end = s.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return (end < 0 ? s.Length : end + 2) - start;
    }
}
