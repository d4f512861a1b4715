using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output;

/// <summary>The groups of <see cref="ValueKind"/>s that formats treat alike.</summary>
internal static class ColumnKinds
{
    /// <summary>Right-aligned in tables, plotted as Y in charts.</summary>
    public static bool IsNumeric(this ResultColumn column) => column.Kind is ValueKind.Integer or ValueKind.Double or ValueKind.Decimal;

    /// <summary>
    /// An integer that names something rather than counts it (a port, a protocol number, flags, a year): printed
    /// as plain digits, since "3,389" reads as a quantity.
    /// </summary>
    public static bool IsCode(this ResultColumn column)
    {
        if (column.Kind != ValueKind.Integer)
            return false;
        var name = column.Name.ToLowerInvariant();
        return name.EndsWith("port", StringComparison.Ordinal) || name.EndsWith("_id", StringComparison.Ordinal)
            || name is "protocol" or "tcp_flags" or "traffic_path" or "version" or "year" or "type";
    }

    /// <summary>A time axis in charts.</summary>
    public static bool IsTime(this ResultColumn column) => column.Kind is ValueKind.Timestamp or ValueKind.Date;
}
