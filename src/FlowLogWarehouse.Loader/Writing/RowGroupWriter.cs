using System.Numerics;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;
using FlowLogWarehouse.Loader.Pipeline;
using FlowLogWarehouse.Loader.Writing.Format;

namespace FlowLogWarehouse.Loader.Writing;

/// <summary>Gathers a row buffer's slots into columns (values without nulls plus definition levels) and writes one row group.</summary>
internal static class RowGroupWriter
{
    public static void Write(ParquetFileWriter file, BatchSchema batch, RowGroupJob rows, ChunkScratch scratch)
    {
        var count = rows.Rows;
        var definitions = scratch.Definitions(count);
        var longs = scratch.Longs(count);
        var ints = scratch.Ints(count);
        var strings = scratch.Strings(count);
        try
        {
            file.BeginRowGroup(count);
            foreach (var column in batch.Columns)
            {
                int defined;
                switch (column.Field.Type)
                {
                    case FieldType.Int32:
                        defined = GatherNumbers(rows, column.Slot, definitions, ints);
                        ColumnEncoder.WriteInt32(file, definitions.AsSpan(0, count), ints.AsSpan(0, defined), scratch);
                        break;
                    case FieldType.Int64:
                        defined = GatherNumbers(rows, column.Slot, definitions, longs);
                        ColumnEncoder.WriteInt64(file, definitions.AsSpan(0, count), longs.AsSpan(0, defined),
                            delta: column.Field.Column is "start" or "end", scratch);
                        break;
                    default:
                        defined = GatherStrings(rows, column.Slot, definitions, strings);
                        ColumnEncoder.WriteStrings(file, definitions.AsSpan(0, count), strings.AsSpan(0, defined), scratch);
                        break;
                }
            }
            file.EndRowGroup();
        }
        finally
        {
            scratch.ClearStrings(count);
        }
    }

    // Rows are written in arrival order. Blocks are column-major, so a gather reads each block's run of the column.
    // (Grouping rows by interface-id made every gather a random walk over the buffers and, once strings were
    // dictionary-encoded, no longer made the files smaller.)
    private static int GatherNumbers<T>(RowGroupJob rows, int slot, int[] definitions, T[] values) where T : struct, IBinaryInteger<T>
    {
        var k = 0;
        var defined = 0;
        foreach (var buffer in rows.Buffers)
        {
            for (var b = 0; b < buffer.Blocks.Count; b++)
            {
                var column = buffer.Blocks[b].Numbers.AsSpan(slot * RowBlockPool.BlockRows, buffer.RowsIn(b));
                foreach (var v in column)
                {
                    if (v == LineParser.Null)
                    {
                        definitions[k++] = 0;
                    }
                    else
                    {
                        definitions[k++] = 1;
                        values[defined++] = T.CreateTruncating(v);
                    }
                }
            }
        }
        return defined;
    }

    private static int GatherStrings(RowGroupJob rows, int slot, int[] definitions, ReadOnlyMemory<char>[] values)
    {
        var k = 0;
        var defined = 0;
        foreach (var buffer in rows.Buffers)
        {
            for (var b = 0; b < buffer.Blocks.Count; b++)
            {
                var column = buffer.Blocks[b].Strings.AsSpan(slot * RowBlockPool.BlockRows, buffer.RowsIn(b));
                foreach (var v in column)
                {
                    if (v.IsEmpty)
                    {
                        definitions[k++] = 0;
                    }
                    else
                    {
                        definitions[k++] = 1;
                        values[defined++] = v;
                    }
                }
            }
        }
        return defined;
    }
}
