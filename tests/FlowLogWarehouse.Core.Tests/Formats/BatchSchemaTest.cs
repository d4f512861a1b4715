using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Core.Tests.Formats;

public class BatchSchemaTest
{
    private static readonly FlowLogFormat Nat = FlowLogFormat.Parse("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr");

    [Fact]
    public void Union_DefaultFormat_NumbersAndStringsGetTheirOwnSlotsInFormatOrder()
    {
        var schema = BatchSchema.Union([FlowLogFormat.Default]);

        Assert.Equal(
            [
                ("version", 0, true), ("account-id", 0, false), ("interface-id", 1, false), ("srcaddr", 2, false),
                ("dstaddr", 3, false), ("srcport", 1, true), ("dstport", 2, true), ("protocol", 3, true),
                ("packets", 4, true), ("bytes", 5, true), ("start", 6, true), ("end", 7, true),
                ("action", 4, false), ("log-status", 5, false),
            ],
            schema.Columns.Select(c => (c.Field.Name, c.Slot, c.IsNumeric)));
        Assert.Equal(8, schema.NumericSlots);
        Assert.Equal(6, schema.StringSlots);
        Assert.Equal(6, schema.StartSlot);
        Assert.Equal(7, schema.EndSlot);
        Assert.Equal(0, schema.AccountSlot);
        Assert.Equal(-1, schema.RegionSlot);
    }

    [Fact]
    public void Union_TwoFormats_IsEveryFieldOnceInCatalogOrder()
    {
        var schema = BatchSchema.Union([Nat, FlowLogFormat.Default]);

        Assert.Equal(
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status " +
            "instance-id pkt-srcaddr pkt-dstaddr",
            string.Join(' ', schema.Columns.Select(c => c.Field.Name)));
        Assert.Equal(8, schema.NumericSlots);
        Assert.Equal(9, schema.StringSlots);
        Assert.Equal(
            [0, 1, 2, 3, 4, 5, 6, 7, 8],
            schema.Columns.Where(c => !c.IsNumeric).Select(c => c.Slot));
    }

    [Fact]
    public void Union_Always_OrdinalIsThePositionAndSlotsAreDenseAndDistinct()
    {
        var schema = BatchSchema.Union([Nat, FlowLogFormat.Parse("region tcp-flags resource-id version az-id")]);

        Assert.Equal(Enumerable.Range(0, schema.Columns.Count), schema.Columns.Select(c => c.Ordinal));
        Assert.Equal(Enumerable.Range(0, schema.NumericSlots), schema.Columns.Where(c => c.IsNumeric).Select(c => c.Slot));
        Assert.Equal(Enumerable.Range(0, schema.StringSlots), schema.Columns.Where(c => !c.IsNumeric).Select(c => c.Slot));
    }

    [Fact]
    public void Union_UnknownFields_ComeAfterCatalogFieldsInFirstSeenOrderOnce()
    {
        var a = FlowLogFormat.Parse("version next-hop-vpc-id srcaddr resource-id");
        var b = FlowLogFormat.Parse("resource-id tgw-id region");

        var schema = BatchSchema.Union([a, b]);

        Assert.Equal(
            ["version", "srcaddr", "region", "next-hop-vpc-id", "resource-id", "tgw-id"],
            schema.Columns.Select(c => c.Field.Name));
        Assert.All(schema.Columns.Skip(3), c => Assert.False(c.IsNumeric));
        Assert.Equal(1, schema.NumericSlots);
        Assert.Equal(5, schema.StringSlots);
        Assert.Equal(1, schema.RegionSlot);
        Assert.Equal(-1, schema.AccountSlot);
        Assert.Equal(-1, schema.StartSlot);
        Assert.Equal(-1, schema.EndSlot);
    }

    [Fact]
    public void Find_FieldOfTheUnion_IsItsColumnAndOtherwiseNull()
    {
        var schema = BatchSchema.Union([Nat, FlowLogFormat.Parse("srcport resource-id")]);

        Assert.Equal("srcport", schema.Find("srcport")!.Field.Name);
        Assert.Equal(0, schema.Find("srcport")!.Slot);
        Assert.Equal("resource-id", schema.Find("resource-id")!.Field.Name);
        Assert.Null(schema.Find("dstport"));
        Assert.Null(schema.Find("resource_id"));
    }

    [Fact]
    public void Union_NoFormats_IsEmpty()
    {
        var schema = BatchSchema.Union([]);

        Assert.Empty(schema.Columns);
        Assert.Equal(0, schema.NumericSlots);
        Assert.Equal(0, schema.StringSlots);
    }
}
