using System.Globalization;
using FlowLogWarehouse.Output.Tests.Fixtures;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Output.Tests;

/// <summary>Files read back with DuckDB, independently of the Parquet.Net code that wrote them.</summary>
public sealed class ParquetRendererTest : IDisposable
{
    private readonly TempDirectory _dir = new("output-parquet");

    public void Dispose() => _dir.Dispose();

    private async Task<string> WriteAsync(ListResult result, int rowGroupRows = ParquetRenderer.RowGroupRows)
    {
        var path = _dir.Combine("result.parquet");
        await ParquetRenderer.WriteAsync(result.Columns, result.ReadRowsAsync(default), path, rowGroupRows, default);
        return path;
    }

    private static string Scan(string path) => $"read_parquet('{path}')";

    private static long Microseconds(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / 10;

    [Fact]
    public async Task Write_EveryKind_HasOneTypedNullableColumnEach()
    {
        var path = await WriteAsync(Samples.EveryKind());
        var types = DuckDbQuery.Rows($"SELECT column_name, column_type, \"null\" FROM (DESCRIBE SELECT * FROM {Scan(path)})")
            .Select(r => $"{r[0]} {r[1]} {r[2]}");
        Assert.Equal(
            [
                "name VARCHAR YES", "flows BIGINT YES", "bytes BIGINT YES", "ratio DOUBLE YES", "cost DECIMAL(38,3) YES",
                "ok BOOLEAN YES", "day DATE YES", "at TIMESTAMP WITH TIME ZONE YES", "tags VARCHAR YES",
            ],
            types);
    }

    [Fact]
    public async Task Write_EveryKind_ReadsBackTheSameValues()
    {
        var path = await WriteAsync(Samples.EveryKind());
        var rows = DuckDbQuery.Rows(
            $"SELECT name, flows, bytes, ratio, cost::VARCHAR, ok, day, epoch_us(\"at\"), tags FROM {Scan(path)}");
        Assert.Equal(4, rows.Count);
        Assert.Equal(["plain", 1_234_567L, 532L, 0.1, "1.500", true, new DateOnly(2024, 3, 1), Microseconds(Samples.At), "[a, b]"], rows[0]);
        Assert.Equal(["comma, \"quoted\"\nnext line", long.MaxValue, 1_258_291L, 1234.5678, "-0.001", false, new DateOnly(1999, 12, 31), Microseconds(Samples.At) + 789_000, null], rows[1]);
        Assert.Equal("héllo ✓ 日本", rows[2][0]);
        Assert.Equal("79228162514264337593543950335.000", rows[2][4]);
        Assert.Equal("", rows[2][8]);
        Assert.All(rows[3], Assert.Null);
    }

    [Fact]
    public async Task Write_DecimalScale_ComesFromTheFirstRowGroup()
    {
        var result = new ListResult(("amount", ValueKind.Decimal)).With([1.5m], [2.125m], [null], [3.14159m]);
        var path = await WriteAsync(result, rowGroupRows: 2);
        Assert.Equal("DECIMAL(38,3)", DuckDbQuery.Scalar($"SELECT column_type FROM (DESCRIBE SELECT * FROM {Scan(path)})"));
        Assert.Equal(["1.500", "2.125", null, "3.142"], DuckDbQuery.Rows($"SELECT amount::VARCHAR FROM {Scan(path)}").Select(r => r[0]));
    }

    [Fact]
    public async Task Write_DecimalsAllNullAtFirst_HaveScaleNine()
    {
        var result = new ListResult(("amount", ValueKind.Decimal)).With([null], [0.123456789m]);
        var path = await WriteAsync(result, rowGroupRows: 1);
        Assert.Equal("0.123456789", DuckDbQuery.Scalar($"SELECT amount::VARCHAR FROM {Scan(path)} WHERE amount IS NOT NULL"));
    }

    [Fact]
    public async Task Write_DecimalBeyondItsScaleRange_SaysWhich()
    {
        var result = new ListResult(("amount", ValueKind.Decimal)).With([0.0000000000001m], [12345678901234567890123456.7m]);
        var e = await Assert.ThrowsAsync<OutputException>(() => WriteAsync(result, rowGroupRows: 1));
        Assert.Equal("column 'amount': 12345678901234567890123456.7 does not fit DECIMAL(38,13), the type its first rows gave it; cast the column to one DECIMAL type in the query", e.Message);
    }

    [Fact]
    public async Task Write_RowsBeyondARowGroup_SplitIntoRowGroupsInOrder()
    {
        var result = new ListResult(("n", ValueKind.Integer), ("s", ValueKind.String))
            .With([.. Enumerable.Range(0, 7).Select(i => new object?[] { (long)i, i % 2 == 0 ? "even" : null })]);
        var path = await WriteAsync(result, rowGroupRows: 3);
        Assert.Equal(3L, DuckDbQuery.Long($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{path}')"));
        Assert.Equal(["ZSTD"], DuckDbQuery.Rows($"SELECT DISTINCT compression FROM parquet_metadata('{path}')").Select(r => r[0]));
        var rows = DuckDbQuery.Rows($"SELECT n, s FROM {Scan(path)}");
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (object?)(long)i), rows.Select(r => r[0]));
        Assert.Equal(["even", null, "even", null, "even", null, "even"], rows.Select(r => r[1]));
    }

    [Fact]
    public async Task Write_NoRows_IsAReadableEmptyFile()
    {
        var path = await WriteAsync(new ListResult(("n", ValueKind.Integer), ("at", ValueKind.Timestamp)));
        Assert.Equal(0L, DuckDbQuery.Long($"SELECT count(*) FROM {Scan(path)}"));
        Assert.Equal(["n", "at"], DuckDbQuery.Rows($"DESCRIBE SELECT * FROM {Scan(path)}").Select(r => r[0]));
    }

    [Fact]
    public async Task Write_NamesRepeatedIgnoringCase_GetSuffixes()
    {
        var path = await WriteAsync(new ListResult(("a", ValueKind.Integer), ("A", ValueKind.Integer), ("a", ValueKind.String)).With([1L, 2L, "x"]));
        Assert.Equal(["a", "A_2", "a_3"], DuckDbQuery.Rows($"DESCRIBE SELECT * FROM {Scan(path)}").Select(r => r[0]));
    }

    [Fact]
    public async Task Write_HugeIntegerThatFitsALong_IsWritten()
    {
        // A DuckDB HUGEINT sum arrives as a decimal when it overflows a long, as a long otherwise.
        var path = await WriteAsync(new ListResult(("total", ValueKind.Integer)).With([42L], [(decimal)long.MinValue]));
        Assert.Equal([42L, long.MinValue], DuckDbQuery.Rows($"SELECT total FROM {Scan(path)}").Select(r => r[0]));
    }

    [Fact]
    public async Task Write_IntegerBeyondALong_SaysWhatToDo()
    {
        var result = new ListResult(("total", ValueKind.Integer)).With([(decimal)long.MaxValue + 1]);
        var e = await Assert.ThrowsAsync<OutputException>(() => WriteAsync(result));
        Assert.Equal(
            "column 'total': " + ((decimal)long.MaxValue + 1).ToString(CultureInfo.InvariantCulture)
            + " does not fit Parquet's 64-bit integer; cast it to DECIMAL or DOUBLE in the query",
            e.Message);
    }
}
