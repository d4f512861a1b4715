using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output;

/// <summary>The groups of <see cref="ValueKind"/>s that formats treat alike.</summary>
internal static class ColumnKinds
{
    /// <summary>Right-aligned in tables, plotted as Y in charts.</summary>
    public static bool IsNumeric(this ResultColumn column) => column.Kind is ValueKind.Integer or ValueKind.Double or ValueKind.Decimal;

    /// <summary>A time axis in charts.</summary>
    public static bool IsTime(this ResultColumn column) => column.Kind is ValueKind.Timestamp or ValueKind.Date;
}
