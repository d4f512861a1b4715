using FlowLogWarehouse.Core.Catalog;

namespace FlowLogWarehouse.Core.Formats;

/// <summary>
/// The fields a new flow log records, as a person chooses them: the sets <c>base</c>, <c>extended</c> and <c>all</c>,
/// field names (plain or <c>${name}</c>), or both (<c>base tcp-flags</c>), plus the fields something else needs, such as
/// the reports a user will run. Unlike <see cref="FlowLogFormat.Parse"/>, which keeps a name it does not know because
/// AWS keeps adding fields to the records it delivers, every name here must be a catalog field: EC2 refuses a
/// LogFormat with a field it does not know, and a typo would otherwise surface only after the flow log exists.
/// </summary>
public static class FieldSelection
{
    /// <summary>AWS's default format (version 2): what a flow log records when no LogFormat is given.</summary>
    public const string Base = "base";

    /// <summary>
    /// Base, then every later field except the ECS ones: the VPC, subnet, instance, TCP flags, packet-level addresses,
    /// region and zone, AWS services, direction, traffic path and reject reason.
    /// </summary>
    public const string Extended = "extended";

    /// <summary>Every field of the catalog, ECS's included.</summary>
    public const string All = "all";

    public static IReadOnlyList<string> SetNames { get; } = [Base, Extended, All];

    /// <summary>The fields of a named set, in catalog order; null for a name that is no set.</summary>
    public static IReadOnlyList<FlowLogField>? Set(string name) => name switch
    {
        Base => FieldCatalog.DefaultFormat,
        // ECS's fields name the task behind an interface and are '-' on everything that is not an ECS task: ten
        // columns of nothing for most VPCs, and no report reads them. Whoever runs ECS asks for them with 'all'.
        Extended => FieldCatalog.DefaultFormat.Concat(FieldCatalog.Fields.Where(f => !IsEcs(f) && !FieldCatalog.DefaultFormat.Contains(f))).ToList(),
        All => FieldCatalog.DefaultFormat.Concat(FieldCatalog.Fields.Where(f => !FieldCatalog.DefaultFormat.Contains(f))).ToList(),
        _ => null,
    };

    /// <summary>
    /// The format of <paramref name="selection"/> (sets and names separated by spaces or commas; null or empty means
    /// <c>base</c>) followed by those of <paramref name="alsoNeeded"/> (catalog names) it lacks, in catalog order.
    /// Sets expand in catalog order, names stay where they were written, a field named twice appears once.
    /// </summary>
    public static FlowLogFormat Build(string? selection, IEnumerable<string> alsoNeeded)
    {
        var fields = new List<FlowLogField>();
        var tokens = FlowLogFormat.SplitNames(selection ?? "");
        foreach (var token in tokens.Count == 0 ? [Base] : tokens)
            AddOnce(fields, Set(token) ?? [Known(token, selection!)]);
        var needed = alsoNeeded.Select(n => Known(n, n)).OrderBy(FieldCatalog.OrdinalOf);
        AddOnce(fields, needed);
        return FlowLogFormat.Of(fields);
    }

    private static void AddOnce(List<FlowLogField> fields, IEnumerable<FlowLogField> more)
    {
        foreach (var field in more)
            if (!fields.Contains(field))
                fields.Add(field);
    }

    private static FlowLogField Known(string name, string text)
    {
        if (FieldCatalog.TryGet(name, out var field))
            return field;
        var close = FieldCatalog.CloseMatches(name);
        var hint = close.Count > 0 ? $"; did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?" : ".";
        var where = text == name ? "" : $" in '{text}'";
        throw new FlowLogFormatException(
            $"'{name}'{where} is not a flow log field or set{hint} Sets: {string.Join(", ", SetNames)}; 'flowlogs fields' lists every field.");
    }

    private static bool IsEcs(FlowLogField field) => field.Name.StartsWith("ecs-", StringComparison.Ordinal);
}
