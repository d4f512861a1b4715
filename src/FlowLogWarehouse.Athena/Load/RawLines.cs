using System.Globalization;
using System.Text;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;
using FlowLogWarehouse.Loader.Pipeline;

namespace FlowLogWarehouse.Athena.Load;

/// <summary>
/// Trino SQL that reads flow log lines the way <see cref="LineParser"/> does, from a raw table of one text column:
/// separators are runs of spaces or tabs, a token starting with '#' after the first starts a comment, '-' is null,
/// numbers are plain digits within the catalog's range (start/end in milliseconds become seconds), enforced values
/// come from the catalog's list, account and region must be able to name a partition. Every line gets a code,
/// <c>bad</c>: null for a row, -1 skipped (blank or the header), 0 wrong field count, i the 1-based field that failed,
/// -2 no time to partition by. The wording of each reason is <see cref="LineParser"/>'s.
/// </summary>
internal sealed class RawLines
{
    public const int Skipped = -1;
    public const int NoTime = -2;

    private const string Digits = "'^[0-9]+$'";

    private readonly FlowLogFormat _format;
    private readonly BoundSql _sql;

    public RawLines(FlowLogFormat format, BoundSql sql)
    {
        _format = format;
        _sql = sql;
    }

    /// <summary>
    /// A subquery (in parentheses, aliased <c>c</c>) over <paramref name="table"/>'s lines of <paramref name="paths"/>
    /// with columns source, raw, norm, n, f1…fN, v1…vN (numbers), bad, ts (seconds to partition by), account, region.
    /// </summary>
    public string Checked(string table, IReadOnlyList<string> paths, long? fallbackSeconds, string? keyAccount, string? keyRegion, string defaultAccount, string defaultRegion)
    {
        var n = _format.Fields.Count;
        var fields = string.Concat(Enumerable.Range(1, n).Select(i => $", split_part(norm, ' ', {i}) AS f{i}"));
        var lines =
            "SELECT \"$path\" AS source, line AS raw, " +
            "regexp_replace(regexp_replace(regexp_replace(coalesce(line, ''), '^[ \\t]+|[ \\t]+$', ''), '[ \\t]+#.*$', ''), '[ \\t]+', ' ') AS norm " +
            $"FROM {table} WHERE \"$path\" IN ({_sql.BindAll(paths)})";
        var split = $"SELECT l.*, CASE WHEN norm = '' THEN 0 ELSE length(norm) - length(replace(norm, ' ', '')) + 1 END AS n{fields} FROM ({lines}) l";

        var numbers = new StringBuilder();
        for (var i = 1; i <= n; i++)
        {
            var field = _format.Fields[i - 1];
            if (field.Type == FieldType.String)
                continue;
            var value = $"try_cast(f{i} AS bigint)";
            numbers.Append(field.IsEpochSeconds
                ? $", CASE WHEN {value} > {LineParser.MillisecondsAbove} THEN {value} / 1000 ELSE {value} END AS v{i}"
                : $", {value} AS v{i}");
        }
        var valued = $"SELECT s.*{numbers} FROM ({split}) s";

        var bad = new StringBuilder($"CASE WHEN norm = '' OR norm = {_sql.Bind(_format.Text)} THEN {Skipped} WHEN n <> {n} THEN 0");
        for (var i = 1; i <= n; i++)
            if (Valid(_format.Fields[i - 1], i) is { } valid)
                bad.Append($" WHEN NOT ({valid}) THEN {i}");
        var ts = $"coalesce({Value("start", FieldType.Int64) ?? "NULL"}, {Value("end", FieldType.Int64) ?? "NULL"}, {_sql.Bind(fallbackSeconds)})";
        bad.Append($" WHEN {ts} IS NULL THEN {NoTime} END");

        var account = $"coalesce({Value("account-id", FieldType.String) ?? "NULL"}, {_sql.Bind(keyAccount)}, {_sql.Bind(defaultAccount)})";
        var region = $"coalesce({Value("region", FieldType.String) ?? "NULL"}, {_sql.Bind(keyRegion)}, {_sql.Bind(defaultRegion)})";
        return $"(SELECT v.*, {bad} AS bad, {ts} AS ts, {account} AS account, {region} AS region FROM ({valued}) v) c";
    }

    /// <summary>
    /// The value of <paramref name="field"/> for a good line, typed for the warehouse column, or null when the format
    /// lacks it (<paramref name="type"/> types that null).
    /// </summary>
    public string Column(FlowLogField field)
    {
        var type = SqlType(field.Type);
        var value = Value(field.Name, field.Type);
        return value is null ? $"CAST(NULL AS {type})" : field.Type == FieldType.Int32 ? $"CAST({value} AS {type})" : value;
    }

    public static string SqlType(FieldType type) => type switch
    {
        FieldType.Int32 => "integer",
        FieldType.Int64 => "bigint",
        _ => "varchar",
    };

    /// <summary>For a bad line: the field's name (null for a count or time problem), its text, and why, as SQL.</summary>
    public (string Field, string Value, string Reason) Problem()
    {
        var field = new StringBuilder("CASE bad");
        var value = new StringBuilder("CASE bad");
        var reason = new StringBuilder($"CASE bad WHEN 0 THEN {_sql.Bind(LineParser.FieldCountReasonPrefix(_format))} || CAST(n AS varchar)");
        reason.Append($" WHEN {NoTime} THEN {_sql.Bind(QuarantineReasons.NoTime)}");
        for (var i = 1; i <= _format.Fields.Count; i++)
        {
            var f = _format.Fields[i - 1];
            if (Valid(f, i) is null)
                continue;
            field.Append($" WHEN {i} THEN {_sql.Bind(f.Name)}");
            value.Append($" WHEN {i} THEN f{i}");
            reason.Append($" WHEN {i} THEN {Reason(f, i)}");
        }
        return (field.Append(" END").ToString(), value.Append(" END").ToString(), reason.Append(" END").ToString());
    }

    private string? Value(string name, FieldType type)
    {
        var i = IndexOf(name);
        if (i < 0)
            return null;
        return type == FieldType.String ? $"CASE WHEN f{i} = '-' THEN NULL ELSE f{i} END" : $"CASE WHEN f{i} = '-' THEN NULL ELSE v{i} END";
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _format.Fields.Count; i++)
            if (_format.Fields[i].Name == name)
                return i + 1;
        return -1;
    }

    /// <summary>The check of field i as SQL, or null when any text passes.</summary>
    private string? Valid(FlowLogField field, int i)
    {
        if (field.Type != FieldType.String)
        {
            var min = (field.Min ?? 0).ToString(CultureInfo.InvariantCulture);
            var max = (field.Max ?? long.MaxValue).ToString(CultureInfo.InvariantCulture);
            return $"f{i} = '-' OR (regexp_like(f{i}, {Digits}) AND coalesce(v{i} BETWEEN {min} AND {max}, false))";
        }
        if (field.Enforced)
            return $"f{i} IN ('-', {string.Join(", ", field.Allowed.Select(a => _sql.Bind(a)))})";
        if (field.PartitionRole is not null)
            return $"f{i} = '-' OR regexp_like(f{i}, '^[A-Za-z0-9_-]{{1,64}}$')";
        return null;
    }

    private string Reason(FlowLogField field, int i)
    {
        if (field.Type != FieldType.String)
            return $"CASE WHEN regexp_like(f{i}, {Digits}) THEN {_sql.Bind(LineParser.Reason(field, ParseErrorKind.OutOfRange))} " +
                   $"ELSE {_sql.Bind(LineParser.Reason(field, ParseErrorKind.NotAnInteger))} END";
        return _sql.Bind(LineParser.Reason(field, field.Enforced ? ParseErrorKind.NotAllowed : ParseErrorKind.InvalidPartitionValue));
    }
}
