using System.Collections.Frozen;
using System.Text.Json;

namespace FlowLogWarehouse.Core.Catalog;

/// <summary>The field catalog, read once from the embedded schemas/flow-log-fields.json.</summary>
public static class FieldCatalog
{
    private static readonly Lazy<Loaded> Instance = new(Load);

    /// <summary>Every known field, in catalog order (version, then AWS's table order).</summary>
    public static IReadOnlyList<FlowLogField> Fields => Instance.Value.Fields;

    /// <summary>The default (version 2) format, in its order.</summary>
    public static IReadOnlyList<FlowLogField> DefaultFormat => Instance.Value.DefaultFormat;

    public static bool TryGet(string awsName, out FlowLogField field) =>
        Instance.Value.ByName.TryGetValue(awsName, out field!);

    /// <summary>Position in catalog order, or -1 for an unknown field.</summary>
    public static int OrdinalOf(FlowLogField field) =>
        Instance.Value.Ordinals.TryGetValue(field.Name, out var i) && ReferenceEquals(Fields[i], field) ? i : -1;

    /// <summary>Known names closest to <paramref name="name"/>, for error messages.</summary>
    public static IReadOnlyList<string> CloseMatches(string name, int max = 3) =>
        Fields
            .Select(f => (f.Name, Distance: EditDistance(f.Name, name)))
            .Where(x => x.Distance <= Math.Max(2, name.Length / 3) || x.Name.Contains(name, StringComparison.Ordinal))
            .OrderBy(x => x.Distance)
            .Take(max)
            .Select(x => x.Name)
            .ToList();

    /// <summary>
    /// Known names <paramref name="name"/> is most likely a misspelling of: at most two edits away (one for names of
    /// up to four letters). Kept this tight because AWS keeps adding names one or two words away from older ones
    /// (interface-type and instance-tag next to interface-id and instance-id); those are new fields, not typos.
    /// </summary>
    internal static IReadOnlyList<string> TypoCandidates(string name)
    {
        var limit = name.Length <= 4 ? 1 : 2;
        return Fields
            .Select(f => (f.Name, Distance: EditDistance(f.Name, name)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .Select(x => x.Name)
            .ToList();
    }

    /// <summary>Edits (insert, delete, replace, swap of neighbours) from one name to the other; "dstprot" is one from "dstport".</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                d[i, j] = best;
            }
        }
        return d[a.Length, b.Length];
    }

    private sealed record Loaded(
        IReadOnlyList<FlowLogField> Fields,
        IReadOnlyList<FlowLogField> DefaultFormat,
        FrozenDictionary<string, FlowLogField> ByName,
        FrozenDictionary<string, int> Ordinals);

    private static Loaded Load()
    {
        using var stream = typeof(FieldCatalog).Assembly.GetManifestResourceStream("flow-log-fields.json")
            ?? throw new InvalidOperationException("The field catalog flow-log-fields.json is not embedded in FlowLogWarehouse.Core.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;

        var fields = new List<FlowLogField>();
        foreach (var element in root.GetProperty("fields").EnumerateArray())
            fields.Add(ParseField(element));

        var byName = fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        var ordinals = fields.Select((f, i) => (f.Name, i)).ToFrozenDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var defaultFormat = root.GetProperty("default_format").EnumerateArray()
            .Select(e => byName[e.GetString()!])
            .ToList();
        return new Loaded(fields, defaultFormat, byName, ordinals);
    }

    private static FlowLogField ParseField(JsonElement e)
    {
        var name = e.GetProperty("name").GetString()!;
        var type = e.GetProperty("type").GetString() switch
        {
            "string" => FieldType.String,
            "int32" => FieldType.Int32,
            "int64" => FieldType.Int64,
            var other => throw new InvalidOperationException($"flow-log-fields.json: field '{name}' has unknown type '{other}'."),
        };
        long? Optional(string property) => e.TryGetProperty(property, out var v) ? v.GetInt64() : null;
        var allowed = e.TryGetProperty("allowed", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
        var enforced = e.TryGetProperty("enforced", out var en) && en.GetBoolean();
        var epoch = e.TryGetProperty("unit", out var unit) && unit.GetString() == "epoch-seconds";
        var partition = e.TryGetProperty("partition", out var p) ? p.GetString() : null;
        var min = Optional("min");
        var max = Optional("max");
        if (type == FieldType.Int32)
        {
            min ??= 0;
            max ??= int.MaxValue;
        }
        else if (type == FieldType.Int64)
        {
            min ??= 0;
            max ??= long.MaxValue;
        }
        return new FlowLogField(
            name, e.GetProperty("version").GetInt32(), type, e.GetProperty("description").GetString()!,
            allowed, enforced, min, max, epoch, partition);
    }
}
