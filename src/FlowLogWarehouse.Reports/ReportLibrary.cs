using System.Text.RegularExpressions;

namespace FlowLogWarehouse.Reports;

/// <summary>
/// Every report of <c>sql/reports/&lt;name&gt;/v&lt;N&gt;.sql</c> (built into the assembly, so the published CLI
/// carries its library), with <c>v&lt;N&gt;.&lt;engine&gt;.sql</c> overrides. <c>name</c> resolves to the newest
/// version, <c>name@N</c> to that one.
/// </summary>
public sealed partial class ReportLibrary
{
    private const string ResourcePrefix = "reports/";
    private readonly Dictionary<string, SortedList<int, ReportDefinition>> _reports;

    private ReportLibrary(Dictionary<string, SortedList<int, ReportDefinition>> reports) => _reports = reports;

    private static readonly Lazy<ReportLibrary> s_builtIn = new(LoadBuiltIn);

    /// <summary>The library shipped with this build.</summary>
    public static ReportLibrary BuiltIn => s_builtIn.Value;

    /// <summary>The newest version of every report, by name.</summary>
    public IReadOnlyList<ReportDefinition> Latest => _reports.Values.Select(v => v.Values[^1]).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    /// <summary>Every version of every report.</summary>
    public IReadOnlyList<ReportDefinition> All => _reports.Values.SelectMany(v => v.Values).OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Version).ToList();

    /// <summary><c>name</c> or <c>name@N</c>; unknown names get the close matches, unknown versions the known ones.</summary>
    public ReportDefinition Resolve(string reference)
    {
        var at = reference.LastIndexOf('@');
        var name = at < 0 ? reference : reference[..at];
        if (!_reports.TryGetValue(name, out var versions))
        {
            var close = _reports.Keys.Where(k => k.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(k, StringComparison.OrdinalIgnoreCase)).Order().ToList();
            throw new ReportException($"no report named '{name}'" + (close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : "") + " (flowlogs report list shows them all)");
        }
        if (at < 0)
            return versions.Values[^1];
        if (int.TryParse(reference[(at + 1)..], out var version) && versions.TryGetValue(version, out var pinned))
            return pinned;
        throw new ReportException($"report '{name}' has no version '{reference[(at + 1)..]}' (versions: {string.Join(", ", versions.Keys)})");
    }

    /// <summary>A library from files given as (path relative to sql/reports, text), e.g. <c>("rejected/v1.sql", "...")</c>.</summary>
    public static ReportLibrary FromFiles(IEnumerable<(string Path, string Text)> files)
    {
        var definitions = new List<ReportDefinition>();
        var overrides = new List<(string Name, int Version, string Engine, string Sql)>();
        foreach (var (path, text) in files)
        {
            var match = FileName().Match(path.Replace('\\', '/'));
            if (!match.Success)
                throw new InvalidDataException($"{path}: not <name>/v<N>.sql or <name>/v<N>.<engine>.sql");
            var (name, version) = (match.Groups["name"].Value, int.Parse(match.Groups["version"].Value));
            if (match.Groups["engine"].Success)
            {
                overrides.Add((name, version, match.Groups["engine"].Value, ReportHeader.ParseOverride(path, text)));
                continue;
            }
            var definition = ReportHeader.Parse(path, text);
            if (definition.Name != name || definition.Version != version)
                throw new InvalidDataException($"{path}: its header says {definition.Id}, its path {name}@{version}");
            definitions.Add(definition);
        }

        var reports = new Dictionary<string, SortedList<int, ReportDefinition>>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var engineSql = overrides.Where(o => o.Name == definition.Name && o.Version == definition.Version).ToDictionary(o => o.Engine, o => o.Sql);
            if (!reports.TryGetValue(definition.Name, out var versions))
                reports.Add(definition.Name, versions = []);
            versions.Add(definition.Version, definition with { Overrides = engineSql });
        }
        var orphan = overrides.FirstOrDefault(o => !reports.TryGetValue(o.Name, out var v) || !v.ContainsKey(o.Version));
        if (orphan.Name is not null)
            throw new InvalidDataException($"{orphan.Name}/v{orphan.Version}.{orphan.Engine}.sql overrides a report version that does not exist");
        return new ReportLibrary(reports);
    }

    /// <summary>A library read from a directory laid out like sql/reports.</summary>
    public static ReportLibrary FromDirectory(string directory) =>
        FromFiles(Directory.EnumerateFiles(directory, "*.sql", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(directory, f), File.ReadAllText(f))));

    private static ReportLibrary LoadBuiltIn()
    {
        var assembly = typeof(ReportLibrary).Assembly;
        return FromFiles(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n[ResourcePrefix.Length..], reader.ReadToEnd());
            }));
    }

    [GeneratedRegex(@"^(?<name>[a-z0-9][a-z0-9-]*)/v(?<version>[1-9][0-9]*)(\.(?<engine>duckdb|athena))?\.sql$")]
    private static partial Regex FileName();
}
