using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Loader.Writing.Format;
using FlowLogWarehouse.TestSupport;
using Parquet;

namespace FlowLogWarehouse.Loader.Tests.Writing;

/// <summary>
/// Our Parquet writer's files read back, value for value and statistic for statistic, by two readers that share no code
/// with it: DuckDB's and Parquet.Net's. The cases are the encodings' edges: nulls everywhere or nowhere, one-value and
/// wide dictionaries, text too distinct for a dictionary, non-ASCII text, and deltas that overflow.
/// </summary>
public sealed class ParquetFileWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parquet-writer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly ParquetColumn[] Columns =
    [
        new("version", FieldType.Int32),
        new("bytes", FieldType.Int64),
        new("start", FieldType.Int64),
        new("srcaddr", FieldType.String),
    ];

    [Fact]
    public async Task Values_ReadBackExactly_ByDuckDbAndParquetNet()
    {
        var random = new Random(11);
        var groups = new List<Column[]>
        {
            // Mostly repeated values with scattered nulls: dictionary text, delta start times.
            Generate(5000, i => random.Next(10) == 0 ? null : 2, i => random.Next(20) == 0 ? null : random.NextInt64(1, 1_000_000),
                i => 1_700_000_000L + i / 7 + random.Next(-3, 4), i => random.Next(50) == 0 ? null : $"10.0.{random.Next(4)}.{random.Next(60)}"),
            // Every value distinct (plain text), no nulls at all.
            Generate(4500, i => i, i => long.MaxValue - i, i => 1_700_000_000L + i, i => $"host-{i}-{Guid.NewGuid():N}"),
            // Nothing but nulls.
            Generate(300, _ => null, _ => null, _ => null, _ => null),
            // Deltas that wrap around, extremes, a one-value dictionary.
            Generate(2000, i => i % 2 == 0 ? int.MinValue : int.MaxValue, i => i % 3 == 0 ? long.MinValue : long.MaxValue,
                i => (i % 4) switch { 0 => long.MinValue, 1 => long.MaxValue, 2 => 0, _ => -1 }, _ => "only"),
            // A dictionary wider than a byte; non-ASCII text, whose byte order differs from its UTF-16 order.
            Generate(6000, i => -i, i => -i * 1_000_003L, i => i * 37L % 1001, i => (i % 700) switch
            {
                0 => "\uFF21 fullwidth",
                1 => "\U0001F600 emoji",
                2 => "é",
                var n => $"v{n}",
            }),
            // One row.
            Generate(1, _ => 7, _ => null, _ => 42, _ => "one"),
        };
        var path = Write("values.parquet", groups);

        var expected = groups.SelectMany(g => Enumerable.Range(0, g[0].Values.Length).Select(r => g.Select(c => c.Values[r]).ToArray())).ToList();
        var duckDb = DuckDbQuery.Rows("SELECT version, bytes, start, srcaddr FROM read_parquet($1)", path);
        Assert.Equal(expected.Count, duckDb.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i], duckDb[i]);

        var parquetNet = await ReadWithParquetNet(path);
        Assert.Equal(expected.Count, parquetNet.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i], parquetNet[i]);
    }

    [Fact]
    public void Statistics_AreEachChunksNullCountMinimumAndMaximum()
    {
        var groups = new List<Column[]>
        {
            Generate(5000, i => i % 10 == 0 ? null : i % 7 - 3, i => i % 5 == 0 ? null : i * 11L, i => 1_700_000_000L - i,
                i => (i % 3) switch { 0 => "b", 1 => "\U0001F600", _ => "\uFF21" }),
            Generate(100, _ => null, _ => 5, _ => null, i => $"x{i:D3}"),
        };
        var path = Write("stats.parquet", groups);
        var rows = DuckDbQuery.Rows(
            "SELECT row_group_id, path_in_schema, stats_null_count, stats_min_value, stats_max_value FROM parquet_metadata($1) ORDER BY row_group_id, column_id", path);
        var k = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var column in groups[g])
            {
                var row = rows[k++];
                Assert.Equal(g, DuckDbQuery.ToLong(row[0]));
                Assert.Equal(column.Name, row[1]);
                var present = column.Values.Where(v => v is not null).ToList();
                Assert.Equal(column.Values.Length - present.Count, DuckDbQuery.ToLong(row[2]));
                if (present.Count == 0)
                {
                    Assert.Null(row[3]);
                    Assert.Null(row[4]);
                    continue;
                }
                var ordered = present.OrderBy(v => v, Comparer<object?>.Create(ByteOrder)).ToList();
                Assert.Equal(ordered[0]!.ToString(), row[3]);
                Assert.Equal(ordered[^1]!.ToString(), row[4]);
            }
        }
        // Text is ordered by its UTF-8 bytes: U+1F600 (F0 9F 98 80) sorts after U+FF21 (EF BC A1), unlike in UTF-16.
        Assert.Equal("\U0001F600", rows[3][4]);
    }

    [Fact]
    public void Schema_IsAwsColumnsAndTypes_WithDictionaryAndDeltaEncodings()
    {
        var path = Write("schema.parquet", [Generate(10_000, _ => 2, i => i, i => 1_700_000_000L + i / 100, i => $"eni-{i % 40}")]);
        var schema = DuckDbQuery.Rows("SELECT name, type, converted_type, repetition_type FROM parquet_schema($1) WHERE name <> 'schema'", path)
            .Select(r => string.Join(" ", r)).ToList();
        Assert.Equal(
        [
            "version INT32 INT_32 OPTIONAL",
            "bytes INT64 INT_64 OPTIONAL",
            "start INT64 INT_64 OPTIONAL",
            "srcaddr BYTE_ARRAY UTF8 OPTIONAL",
        ], schema);
        var encodings = DuckDbQuery.Rows("SELECT path_in_schema, encodings, compression FROM parquet_metadata($1) ORDER BY column_id", path)
            .Select(r => string.Join(" ", r)).ToList();
        Assert.Equal(
        [
            "version PLAIN, RLE ZSTD",
            "bytes PLAIN, RLE ZSTD",
            "start DELTA_BINARY_PACKED, RLE ZSTD",
            "srcaddr PLAIN_DICTIONARY, RLE ZSTD",
        ], encodings);
        Assert.Equal(10_000L, DuckDbQuery.Long("SELECT num_rows FROM parquet_file_metadata($1)", path));
    }

    [Fact]
    public async Task FileWithoutRowGroups_IsValidAndEmpty()
    {
        var path = Write("empty.parquet", []);
        Assert.Equal(0L, DuckDbQuery.Long("SELECT count(*) FROM read_parquet($1)", path));
        Assert.Empty(await ReadWithParquetNet(path));
    }

    private static int ByteOrder(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => System.Text.Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(y)),
        (IComparable x, _) => x.CompareTo(b),
        _ => 0,
    };

    private sealed record Column(string Name, object?[] Values);

    private static Column[] Generate(int rows, Func<int, int?> version, Func<int, long?> bytes, Func<int, long?> start, Func<int, string?> srcaddr)
    {
        return
        [
            new("version", Enumerable.Range(0, rows).Select(i => (object?)version(i)).ToArray()),
            new("bytes", Enumerable.Range(0, rows).Select(i => (object?)bytes(i)).ToArray()),
            new("start", Enumerable.Range(0, rows).Select(i => (object?)start(i)).ToArray()),
            new("srcaddr", Enumerable.Range(0, rows).Select(i => (object?)srcaddr(i)).ToArray()),
        ];
    }

    private string Write(string name, List<Column[]> groups)
    {
        var path = Path.Combine(_directory, name);
        using var scratch = new ChunkScratch();
        using (var stream = File.Create(path))
        {
            var writer = new ParquetFileWriter(stream, Columns);
            foreach (var group in groups)
            {
                var rows = group[0].Values.Length;
                writer.BeginRowGroup(rows);
                var definitions = group.Select(c => c.Values.Select(v => v is null ? 0 : 1).ToArray()).ToArray();
                ColumnEncoder.WriteInt32(writer, definitions[0], group[0].Values.OfType<int>().ToArray(), scratch);
                ColumnEncoder.WriteInt64(writer, definitions[1], group[1].Values.OfType<long>().ToArray(), delta: false, scratch);
                ColumnEncoder.WriteInt64(writer, definitions[2], group[2].Values.OfType<long>().ToArray(), delta: true, scratch);
                ColumnEncoder.WriteStrings(writer, definitions[3], group[3].Values.OfType<string>().Select(s => s.AsMemory()).ToArray(), scratch);
                writer.EndRowGroup();
            }
            writer.Finish(scratch);
        }
        return path;
    }

    private static async Task<List<object?[]>> ReadWithParquetNet(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.DataFields;
        Assert.Equal(Columns.Select(c => c.Name), fields.Select(f => f.Name));
        var rows = new List<object?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var versions = new int?[count];
            var bytes = new long?[count];
            var starts = new long?[count];
            var addresses = new string?[count];
            await group.ReadAsync<int>(fields[0], versions.AsMemory());
            await group.ReadAsync<long>(fields[1], bytes.AsMemory());
            await group.ReadAsync<long>(fields[2], starts.AsMemory());
            await group.ReadAsync(fields[3], addresses.AsMemory());
            for (var r = 0; r < count; r++)
                rows.Add([versions[r], bytes[r], starts[r], addresses[r]]);
        }
        return rows;
    }
}
