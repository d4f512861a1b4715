using System.Globalization;
using FlowLogWarehouse.Core.Catalog;

namespace FlowLogWarehouse.Reports;

/// <summary>
/// Reads a report file: leading <c>-- key: value</c> comment lines, then the statement.
/// <code>
/// -- name: rejected
/// -- version: 1
/// -- description: Rejected flows by source and destination port.
/// -- requires: action, srcaddr, dstport
/// -- param: limit integer = 20 | rows to show
/// -- chart: bar x=srcaddr y=flows
/// </code>
/// Every mistake names the file and line: a report that cannot be read is a bug of the library, caught by its tests.
/// </summary>
internal static class ReportHeader
{
    private const string WindowToken = "{{window";
    private static readonly string[] Keys = ["name", "version", "description", "requires", "chart"];

    public static ReportDefinition Parse(string file, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = new List<ReportParameter>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var body = 0;
        for (; body < lines.Length; body++)
        {
            var line = lines[body].Trim();
            if (line.Length == 0)
                continue;
            if (!line.StartsWith("--", StringComparison.Ordinal))
                break;
            var content = line[2..].Trim();
            var colon = content.IndexOf(':');
            if (colon <= 0)
                continue;
            var key = content[..colon].Trim();
            var value = content[(colon + 1)..].Trim();
            if (key == "param")
                parameters.Add(ParseParameter(file, body + 1, value));
            else if (!Keys.Contains(key))
                throw Error(file, body + 1, $"unknown header key '{key}' (known: {string.Join(", ", Keys)}, param); a header comment must not look like 'key: value'");
            else if (!values.TryAdd(key, value))
                throw Error(file, body + 1, $"'{key}' is given twice");
        }

        var sql = string.Join('\n', lines[body..]).Trim().TrimEnd(';').Trim();
        if (sql.Length == 0)
            throw Error(file, body + 1, "has no statement after its header");
        if (!sql.Contains(WindowToken, StringComparison.Ordinal))
            throw Error(file, body + 1, "never applies the time window: every report filters with {{window}}");

        var name = Required(file, values, "name");
        if (!int.TryParse(Required(file, values, "version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            throw Error(file, 0, "version must be a positive integer");
        var duplicate = parameters.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw Error(file, 0, $"declares parameter '{duplicate.Key}' twice");

        return new ReportDefinition
        {
            Name = name,
            Version = version,
            Description = Required(file, values, "description"),
            Requires = ParseRequires(file, values.GetValueOrDefault("requires", "")),
            Parameters = parameters,
            Chart = values.TryGetValue("chart", out var chart) ? ParseChart(file, chart) : null,
            Text = text.ReplaceLineEndings("\n"),
            Sql = sql,
        };
    }

    /// <summary>An override file: the statement only (comments allowed), no header of its own.</summary>
    public static string ParseOverride(string file, string text)
    {
        var sql = text.ReplaceLineEndings("\n").Trim().TrimEnd(';').Trim();
        if (sql.Length == 0)
            throw Error(file, 1, "is empty");
        return sql;
    }

    // name type [= default] [| description]
    private static ReportParameter ParseParameter(string file, int line, string text)
    {
        var bar = text.IndexOf('|');
        var description = bar < 0 ? "" : text[(bar + 1)..].Trim();
        var declaration = (bar < 0 ? text : text[..bar]).Trim();
        var equals = declaration.IndexOf('=');
        var head = (equals < 0 ? declaration : declaration[..equals]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (head.Length != 2 || !IsIdentifier(head[0]))
            throw Error(file, line, $"parameter '{text}' is not 'name type [= default] [| description]'");
        if (!ParameterTypes.TryParseName(head[1], out var type))
            throw Error(file, line, $"parameter '{head[0]}' has unknown type '{head[1]}' (known: {string.Join(", ", Enum.GetValues<ParameterType>().Select(ParameterTypes.Name))})");
        if (head[0] is "from" or "to" || head[0].StartsWith("window_", StringComparison.Ordinal))
            throw Error(file, line, $"parameter name '{head[0]}' is reserved for the time window");
        if (equals < 0)
            return new ReportParameter(head[0], type, false, null, description);

        var literal = declaration[(equals + 1)..].Trim();
        if (literal == "null")
            return new ReportParameter(head[0], type, true, null, description);
        if (literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'')
            literal = literal[1..^1];
        var value = ParameterTypes.Parse(type, literal, out var reason);
        if (reason is not null)
            throw Error(file, line, $"default of parameter '{head[0]}': '{literal}' {reason}");
        return new ReportParameter(head[0], type, true, value, description);
    }

    private static IReadOnlyList<string> ParseRequires(string file, string text)
    {
        var fields = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var field in fields)
            if (!FieldCatalog.TryGet(field, out _))
                throw Error(file, 0, $"requires unknown field '{field}'");
        return fields;
    }

    // kind x=column y=column[,column]
    private static ReportChart ParseChart(string file, string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var settings = parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (parts.Length == 0 || parts[0] is not ("line" or "bar") || !settings.TryGetValue("x", out var x) || !settings.TryGetValue("y", out var y))
            throw Error(file, 0, $"chart '{text}' is not 'line|bar x=column y=column[,column]'");
        return new ReportChart(parts[0], x, y.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static string Required(string file, Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && value.Length > 0 ? value : throw Error(file, 0, $"has no '-- {key}:' line");

    private static InvalidDataException Error(string file, int line, string reason) =>
        new(line > 0 ? $"{file}:{line}: {reason}" : $"{file}: {reason}");
}
