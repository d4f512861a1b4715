using FlowLogWarehouse.Query;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests;

/// <summary>Every Athena type through the wire, from an executor that answers as Athena itself would.</summary>
public sealed class WireTypesTests
{
    private static readonly FakeAthenaResultSet AllTypes = new(
        [
            new("name", "varchar"), new("port", "integer"), new("bytes", "bigint"), new("ratio", "double"),
            new("cost", "decimal"), new("ok", "boolean"), new("day", "date"), new("at", "timestamp"),
            new("ports", "array(integer)"), new("tags", "map(varchar,varchar)"),
        ],
        [
            ["eni-1", "443", "9000000000", "1.0E-3", "12.50", "true", "2026-11-20", "2026-11-20 05:00:00.123", "[22, 443]", "{env=prod}"],
            [null, null, null, null, null, null, null, null, null, null],
        ]);

    private static FakeAthenaExecutor Answer(FakeAthenaResultSet result) => (_, _, _) => Task.FromResult(result);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_type_arrives_typed_and_nulls_stay_null(bool sendStatementType)
    {
        await using var athena = await FakeAthenaClient.StartAsync(Answer(AllTypes));
        // Without a statement type the header is told by its repeating the column names.
        athena.Fake.SendStatementType = sendStatementType;

        var (result, rows) = await athena.RunAsync("SELECT anything");

        Assert.Equal(
            [ValueKind.String, ValueKind.Integer, ValueKind.Integer, ValueKind.Double, ValueKind.Decimal, ValueKind.Boolean, ValueKind.Date, ValueKind.Timestamp, ValueKind.Other, ValueKind.Other],
            result.Columns.Select(c => c.Kind));
        Assert.Equal(AllTypes.Columns.Select(c => c.Type), result.ColumnInfo.Select(c => c.Type));
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            new object?[] { "eni-1", 443L, 9_000_000_000L, 0.001, 12.50m, true, new DateOnly(2026, 11, 20), new DateTime(2026, 11, 20, 5, 0, 0, 123, DateTimeKind.Utc), "[22, 443]", "{env=prod}" },
            rows[0]);
        Assert.All(rows[1], Assert.Null);
    }

    [Fact]
    public async Task A_cell_that_does_not_read_as_its_type_names_the_column_and_the_query()
    {
        var wrong = new FakeAthenaResultSet([new("port", "integer")], [["http"]]);
        await using var athena = await FakeAthenaClient.StartAsync(Answer(wrong));

        var error = await Assert.ThrowsAsync<AthenaException>(() => athena.RunAsync("SELECT port"));

        Assert.Equal("InvalidResponse", error.ErrorType);
        Assert.Contains("column port (integer): 'http' does not read as Integer", error.Message);
        Assert.Contains(athena.Fake.RequestsFor("GetQueryResults")[0].String("QueryExecutionId")!, error.Message);
    }
}
