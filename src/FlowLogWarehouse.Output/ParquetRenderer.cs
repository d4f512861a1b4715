using System.IO.Compression;
using FlowLogWarehouse.Query;
using Parquet;
using Parquet.Schema;

namespace FlowLogWarehouse.Output;

/// <summary>
/// A result as a Parquet file: one nullable column per result column, typed by its <see cref="ValueKind"/>
/// (see <see cref="ParquetColumn"/>), zstd-compressed, in row groups of <see cref="RowGroupRows"/> rows so memory
/// stays bounded whatever the result's size. Repeated column names get <c>_2</c>, <c>_3</c>…; Parquet readers
/// such as DuckDB and Athena match names without regard to case, so <c>a</c> and <c>A</c> count as repeated.
/// </summary>
public static class ParquetRenderer
{
    public const int RowGroupRows = 65_536;

    /// <summary>Writes every row to a new file at <paramref name="path"/>, replacing any file there.</summary>
    /// <exception cref="OutputException">A value does not fit its column's Parquet type.</exception>
    public static Task WriteAsync(
        IReadOnlyList<ResultColumn> columns,
        IAsyncEnumerable<object?[]> rows,
        string path,
        CancellationToken cancellationToken = default) =>
        WriteAsync(columns, rows, path, RowGroupRows, cancellationToken);

    internal static async Task WriteAsync(
        IReadOnlyList<ResultColumn> columns,
        IAsyncEnumerable<object?[]> rows,
        string path,
        int rowGroupRows,
        CancellationToken cancellationToken)
    {
        var names = UniqueNames.For(columns, StringComparer.OrdinalIgnoreCase);
        var group = new List<object?[]>(Math.Min(rowGroupRows, 4096));
        await using var file = File.Create(path);
        ParquetFile? parquet = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            group.Add(row);
            if (group.Count < rowGroupRows)
                continue;
            parquet ??= await ParquetFile.CreateAsync(columns, names, group, file, cancellationToken);
            await parquet.WriteRowGroupAsync(group, cancellationToken);
            group.Clear();
        }
        parquet ??= await ParquetFile.CreateAsync(columns, names, group, file, cancellationToken);
        if (group.Count > 0)
            await parquet.WriteRowGroupAsync(group, cancellationToken);
        await parquet.Writer.DisposeAsync();
    }

    // The schema waits for the first row group: a decimal column's scale comes from its values.
    private sealed record ParquetFile(ParquetWriter Writer, ParquetColumn[] Columns)
    {
        public static async Task<ParquetFile> CreateAsync(
            IReadOnlyList<ResultColumn> columns, string[] names, List<object?[]> firstRows, Stream file, CancellationToken cancellationToken)
        {
            var parquetColumns = columns.Select((c, i) => ParquetColumn.For(c, names[i], i, firstRows)).ToArray();
            var schema = new ParquetSchema(parquetColumns.Select(c => (Field)c.Field));
            // Parquet.Net's default zstd level (SmallestSize, 19) is ~16x slower than Optimal (3) for a few percent.
            var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.Optimal };
            foreach (var column in parquetColumns.Where(c => c.Field.ClrType == typeof(string)))
                options.ColumnEncodingHints[column.Field.Path.ToString()] = EncodingHint.Dictionary;
            var writer = await ParquetWriter.CreateAsync(schema, file, options, cancellationToken: cancellationToken);
            return new ParquetFile(writer, parquetColumns);
        }

        public async Task WriteRowGroupAsync(List<object?[]> rows, CancellationToken cancellationToken)
        {
            using var group = Writer.CreateRowGroup();
            foreach (var column in Columns)
                await column.WriteAsync(group, rows, cancellationToken);
            group.CompleteValidate();
        }
    }
}
