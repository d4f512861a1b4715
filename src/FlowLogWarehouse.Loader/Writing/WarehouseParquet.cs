using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Loader.Writing.Format;

namespace FlowLogWarehouse.Loader.Writing;

/// <summary>The columns of a batch's warehouse files: AWS's column names, the catalog's types, in the batch's order.</summary>
internal static class WarehouseParquet
{
    public static IReadOnlyList<ParquetColumn> ColumnsFor(BatchSchema batch) =>
        batch.Columns.Select(c => new ParquetColumn(c.Field.Column, c.Field.Type)).ToList();
}
