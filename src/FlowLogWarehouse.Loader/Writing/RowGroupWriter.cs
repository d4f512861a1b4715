using System.Buffers;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;
using FlowLogWarehouse.Loader.Pipeline;
using Parquet;
using Parquet.Schema;

namespace FlowLogWarehouse.Loader.Writing;

/// <summary>Gathers a row buffer's slots into columns (values without nulls plus definition levels) and writes one row group.</summary>
internal static class RowGroupWriter
{
    public static async Task WriteAsync(ParquetWriter writer, ParquetSchema parquet, BatchSchema batch, RowGroupJob rows, CancellationToken cancellationToken)
    {
        var count = rows.Rows;
        var definitions = ArrayPool<int>.Shared.Rent(count);
        var longs = ArrayPool<long>.Shared.Rent(count);
        var ints = ArrayPool<int>.Shared.Rent(count);
        var strings = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(count);
        using var order = RowOrder.For(rows, batch.Find("interface-id") is { IsNumeric: false } eni ? eni.Slot : -1);
        try
        {
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < batch.Columns.Count; c++)
            {
                var column = batch.Columns[c];
                var field = parquet.DataFields[c];
                var defined = 0;
                switch (column.Field.Type)
                {
                    case FieldType.Int32:
                        defined = GatherNumbers(rows, order, column.Slot, definitions, ints, static v => (int)v);
                        await group.WriteAllPartsAsync<int>(field, ints.AsMemory(0, defined), definitions.AsMemory(0, count), null, cancellationToken);
                        break;
                    case FieldType.Int64:
                        defined = GatherNumbers(rows, order, column.Slot, definitions, longs, static v => v);
                        await group.WriteAllPartsAsync<long>(field, longs.AsMemory(0, defined), definitions.AsMemory(0, count), null, cancellationToken);
                        break;
                    default:
                        defined = GatherStrings(rows, order, column.Slot, definitions, strings);
                        await group.WriteAllPartsAsync<ReadOnlyMemory<char>>(field, strings.AsMemory(0, defined), definitions.AsMemory(0, count), null, cancellationToken);
                        break;
                }
            }
            group.CompleteValidate();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(definitions);
            ArrayPool<long>.Shared.Return(longs);
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(strings, clearArray: true);
        }
    }

    private static int GatherNumbers<T>(RowGroupJob rows, RowOrder order, int slot, int[] definitions, T[] values, Func<long, T> convert)
    {
        var buffers = rows.Buffers;
        var defined = 0;
        for (var k = 0; k < order.Count; k++)
        {
            var buffer = buffers[order.Buffer[k]];
            var v = buffer.NumberArray[order.Row[k] * buffer.NumericSlots + slot];
            if (v == LineParser.Null)
            {
                definitions[k] = 0;
            }
            else
            {
                definitions[k] = 1;
                values[defined++] = convert(v);
            }
        }
        return defined;
    }

    private static int GatherStrings(RowGroupJob rows, RowOrder order, int slot, int[] definitions, ReadOnlyMemory<char>[] values)
    {
        var buffers = rows.Buffers;
        var defined = 0;
        for (var k = 0; k < order.Count; k++)
        {
            var buffer = buffers[order.Buffer[k]];
            var v = buffer.StringArray[order.Row[k] * buffer.StringSlots + slot];
            if (v.IsEmpty)
            {
                definitions[k] = 0;
            }
            else
            {
                definitions[k] = 1;
                values[defined++] = v;
            }
        }
        return defined;
    }
}
