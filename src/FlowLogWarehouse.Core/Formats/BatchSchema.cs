using FlowLogWarehouse.Core.Catalog;

namespace FlowLogWarehouse.Core.Formats;

/// <summary>One column of a batch: where its values live in a row (a numeric or a string slot).</summary>
public sealed record SchemaColumn(FlowLogField Field, int Ordinal, int Slot)
{
    public bool IsNumeric => Field.Type != FieldType.String;
}

/// <summary>
/// The columns of one load batch: the union of its sources' formats, catalog fields in catalog order, then fields
/// the catalog lacks in the order first seen. Rows store numbers and strings in separate fixed-width slot arrays.
/// </summary>
public sealed class BatchSchema
{
    private readonly Dictionary<string, SchemaColumn> _byName;

    private BatchSchema(List<FlowLogField> fields)
    {
        var columns = new List<SchemaColumn>(fields.Count);
        int numeric = 0, strings = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            columns.Add(new SchemaColumn(f, i, f.Type == FieldType.String ? strings++ : numeric++));
        }
        Columns = columns;
        NumericSlots = numeric;
        StringSlots = strings;
        _byName = columns.ToDictionary(c => c.Field.Name, StringComparer.Ordinal);
        StartSlot = NumericSlotOf("start");
        EndSlot = NumericSlotOf("end");
        AccountSlot = StringSlotOf("account-id");
        RegionSlot = StringSlotOf("region");
    }

    public IReadOnlyList<SchemaColumn> Columns { get; }

    public int NumericSlots { get; }

    public int StringSlots { get; }

    /// <summary>Slots of the fields that place a row in a partition; -1 when the batch lacks them.</summary>
    public int StartSlot { get; }

    public int EndSlot { get; }

    public int AccountSlot { get; }

    public int RegionSlot { get; }

    public static BatchSchema Union(IEnumerable<FlowLogFormat> formats)
    {
        var all = formats.SelectMany(f => f.Fields).ToList();
        var known = all.Where(f => f.IsKnown).Distinct().OrderBy(FieldCatalog.OrdinalOf);
        var unknown = all.Where(f => !f.IsKnown).DistinctBy(f => f.Name);
        return new BatchSchema(known.Concat(unknown).ToList());
    }

    public SchemaColumn? Find(string awsName) => _byName.GetValueOrDefault(awsName);

    private int NumericSlotOf(string name) => Find(name) is { IsNumeric: true } c ? c.Slot : -1;

    private int StringSlotOf(string name) => Find(name) is { IsNumeric: false } c ? c.Slot : -1;
}
