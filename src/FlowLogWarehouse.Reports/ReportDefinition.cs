using System.Security.Cryptography;
using System.Text;

namespace FlowLogWarehouse.Reports;

/// <summary>
/// One released version of a report: its header (name, version, description, fields it needs, parameters, chart)
/// and its Trino SQL, plus per-engine overrides where one text cannot serve both engines.
/// </summary>
public sealed record ReportDefinition
{
    public required string Name { get; init; }

    public required int Version { get; init; }

    public required string Description { get; init; }

    /// <summary>AWS field names (hyphenated) the SQL reads; the warehouse must have them all.</summary>
    public required IReadOnlyList<string> Requires { get; init; }

    public required IReadOnlyList<ReportParameter> Parameters { get; init; }

    public ReportChart? Chart { get; init; }

    /// <summary>The file's whole text, header included: what <c>report show</c> prints and the release hash covers.</summary>
    public required string Text { get; init; }

    /// <summary>The statement: the file without its header comments.</summary>
    public required string Sql { get; init; }

    /// <summary>Engine name → that engine's statement, from <c>vN.&lt;engine&gt;.sql</c>.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    public string Id => $"{Name}@{Version}";

    public string SqlFor(string engine) => Overrides.TryGetValue(engine, out var sql) ? sql : Sql;

    public ReportParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>SHA-256 of a file's text with line endings normalised, as sql/reports/released.sha256 records it.</summary>
    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));
}
