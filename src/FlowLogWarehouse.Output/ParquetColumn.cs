using System.Buffers;
using System.Globalization;
using FlowLogWarehouse.Query;
using Parquet;
using Parquet.Schema;

namespace FlowLogWarehouse.Output;

/// <summary>
/// One result column in Parquet: its nullable field and how a row group's values become that field's type.
/// Integer → int64, Double → double, Decimal → decimal(38, s), Boolean → boolean, Date → date,
/// Timestamp → timestamp (µs, UTC), String and Other → string.
/// </summary>
internal abstract class ParquetColumn(DataField field)
{
    // 29 digits hold any System.Decimal's integer part; with 9 decimals that is all of precision 38.
    private const int MaxPrecision = 38;
    private const int ScaleWhenUnseen = 9;

    public DataField Field { get; } = field;

    public abstract Task WriteAsync(ParquetRowGroupWriter group, List<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>
    /// The column at <paramref name="ordinal"/>. A decimal's scale is the largest among <paramref name="firstRows"/>
    /// (an engine's DECIMAL(p, s) values all share s), or 9 if they are all null; later values are rounded to it.
    /// </summary>
    public static ParquetColumn For(ResultColumn column, string name, int ordinal, List<object?[]> firstRows) => column.Kind switch
    {
        ValueKind.Integer => new Typed<long>(new DataField(name, typeof(long), isNullable: true), ordinal, v => ToLong(column, v)),
        ValueKind.Double => new Typed<double>(new DataField(name, typeof(double), isNullable: true), ordinal, v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        ValueKind.Decimal => Decimal(column, name, ordinal, firstRows),
        ValueKind.Boolean => new Typed<bool>(new DataField(name, typeof(bool), isNullable: true), ordinal, v => (bool)v),
        ValueKind.Date => new Typed<DateOnly>(new DataField(name, typeof(DateOnly), isNullable: true), ordinal, v => (DateOnly)v),
        ValueKind.Timestamp => new Typed<DateTime>(
            new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros, isNullable: true),
            ordinal,
            v => (DateTime)v),
        _ => new Typed<ReadOnlyMemory<char>>(new DataField(name, typeof(string), isNullable: true), ordinal, v => (v as string ?? MachineText.Format(v)).AsMemory()),
    };

    private static ParquetColumn Decimal(ResultColumn column, string name, int ordinal, List<object?[]> firstRows)
    {
        var seen = firstRows.Select(r => r[ordinal]).OfType<decimal>().ToList();
        var scale = seen.Count == 0 ? ScaleWhenUnseen : seen.Max(m => (int)m.Scale);
        // A scale above 9 leaves fewer than 29 digits for the integer part, which a later value may need.
        decimal? limit = scale > ScaleWhenUnseen ? (decimal)Math.Pow(10, MaxPrecision - scale) : null;
        return new Typed<decimal>(new DecimalDataField(name, MaxPrecision, scale, isNullable: true), ordinal, v =>
        {
            var m = Math.Round(Convert.ToDecimal(v, CultureInfo.InvariantCulture), scale, MidpointRounding.AwayFromZero);
            if (limit is { } max && Math.Abs(m) >= max)
                throw OutputErrors.DecimalOutOfRange(column, m, scale);
            return m;
        });
    }

    // DuckDB hands a HUGEINT or UBIGINT beyond a long over as a decimal (DuckDbValues.Normalize).
    private static long ToLong(ResultColumn column, object value) => value switch
    {
        long l => l,
        decimal m when m is >= long.MinValue and <= long.MaxValue && decimal.Truncate(m) == m => (long)m,
        _ => throw OutputErrors.IntegerOutOfRange(column, value),
    };

    private sealed class Typed<T>(DataField field, int ordinal, Func<object, T> convert) : ParquetColumn(field)
        where T : struct
    {
        public override async Task WriteAsync(ParquetRowGroupWriter group, List<object?[]> rows, CancellationToken cancellationToken)
        {
            var values = ArrayPool<T?>.Shared.Rent(rows.Count);
            try
            {
                for (var i = 0; i < rows.Count; i++)
                    values[i] = rows[i][ordinal] is { } value ? convert(value) : null;
                await group.WriteAsync<T>(Field, values.AsMemory(0, rows.Count), cancellationToken: cancellationToken);
            }
            finally
            {
                // Strings are references: a pooled array must not keep a row group's text alive.
                ArrayPool<T?>.Shared.Return(values, clearArray: true);
            }
        }
    }
}
