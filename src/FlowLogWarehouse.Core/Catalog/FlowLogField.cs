namespace FlowLogWarehouse.Core.Catalog;

/// <summary>One field of the catalog (schemas/flow-log-fields.json), or a field a header named that the catalog lacks.</summary>
public sealed class FlowLogField
{
    internal FlowLogField(
        string name, int? version, FieldType type, string description,
        IReadOnlyList<string> allowed, bool enforced, long? min, long? max, bool isEpochSeconds, string? partitionRole)
    {
        Name = name;
        Column = ColumnNameFor(name);
        Version = version;
        Type = type;
        Description = description;
        Allowed = allowed;
        Enforced = enforced;
        Min = min;
        Max = max;
        IsEpochSeconds = isEpochSeconds;
        PartitionRole = partitionRole;
    }

    /// <summary>AWS name, hyphenated, as written in a LogFormat or a header line.</summary>
    public string Name { get; }

    /// <summary>Column name: AWS's Parquet naming, hyphens become underscores.</summary>
    public string Column { get; }

    /// <summary>Flow log version that introduced the field; null for a field the catalog does not know.</summary>
    public int? Version { get; }

    public FieldType Type { get; }

    public string Description { get; }

    /// <summary>Documented values (for tcp-flags and traffic-path, their meanings).</summary>
    public IReadOnlyList<string> Allowed { get; }

    /// <summary>When true a value outside <see cref="Allowed"/> makes the line bad.</summary>
    public bool Enforced { get; }

    public long? Min { get; }

    public long? Max { get; }

    /// <summary>start/end: epoch seconds; values written in milliseconds are normalised.</summary>
    public bool IsEpochSeconds { get; }

    /// <summary>"account" or "region" when the value names a warehouse partition.</summary>
    public string? PartitionRole { get; }

    public bool IsKnown => Version is not null;

    public static string ColumnNameFor(string awsName) => awsName.Replace('-', '_');

    /// <summary>A header field the catalog does not know: kept as a string column.</summary>
    public static FlowLogField Unknown(string name) =>
        new(name, null, FieldType.String, "Not in the catalog; kept as text.", [], false, null, null, false, null);

    public override string ToString() => Name;
}
