using System.Globalization;
using System.Text.RegularExpressions;
using FlowLogWarehouse.Athena.Engine;

namespace FlowLogWarehouse.Athena.Load;

/// <summary>
/// Values for a statement's execution parameters. Values come from listings and object headers, never from SQL: they
/// travel as parameters, rendered as typed literals. A statement is built from pieces in any order, so a piece holds
/// a token per value, and <see cref="Finish"/> turns the tokens into <c>?</c> markers and lists the values in the
/// order the markers appear.
/// </summary>
internal sealed partial class BoundSql
{
    // A control character: it appears in no SQL we write and in no S3 key we could be given inside a literal.
    private const char Mark = '\u0001';

    private readonly List<object?> _values = [];

    [GeneratedRegex("\u0001(\\d+)\u0001")]
    private static partial Regex Token();

    /// <summary>A token for <paramref name="value"/> (a string, a whole number, or null).</summary>
    public string Bind(object? value)
    {
        _values.Add(value);
        return string.Create(CultureInfo.InvariantCulture, $"{Mark}{_values.Count - 1}{Mark}");
    }

    /// <summary>Tokens for a list, for <c>IN (…)</c>.</summary>
    public string BindAll(IEnumerable<object?> values) => string.Join(", ", values.Select(Bind));

    public (string Sql, IReadOnlyList<string> Parameters) Finish(string text)
    {
        var parameters = new List<string>();
        var sql = Token().Replace(text, match =>
        {
            var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            parameters.Add(AthenaLiterals.Render("p" + (parameters.Count + 1), _values[index]));
            return "?";
        });
        if (sql.Contains(Mark))
            throw new InvalidOperationException("A statement kept a parameter token that is not one.");
        return (sql, parameters);
    }
}
