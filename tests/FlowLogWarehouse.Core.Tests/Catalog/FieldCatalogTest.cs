using FlowLogWarehouse.Core.Catalog;

namespace FlowLogWarehouse.Core.Tests.Catalog;

public class FieldCatalogTest
{
    /// <summary>DESIGN.md's field table, in its order: name, version, Parquet type.</summary>
    public static TheoryData<string, int, FieldType> DesignTable => new()
    {
        { "version", 2, FieldType.Int32 },
        { "account-id", 2, FieldType.String },
        { "interface-id", 2, FieldType.String },
        { "srcaddr", 2, FieldType.String },
        { "dstaddr", 2, FieldType.String },
        { "srcport", 2, FieldType.Int32 },
        { "dstport", 2, FieldType.Int32 },
        { "protocol", 2, FieldType.Int32 },
        { "packets", 2, FieldType.Int64 },
        { "bytes", 2, FieldType.Int64 },
        { "start", 2, FieldType.Int64 },
        { "end", 2, FieldType.Int64 },
        { "action", 2, FieldType.String },
        { "log-status", 2, FieldType.String },
        { "vpc-id", 3, FieldType.String },
        { "subnet-id", 3, FieldType.String },
        { "instance-id", 3, FieldType.String },
        { "tcp-flags", 3, FieldType.Int32 },
        { "type", 3, FieldType.String },
        { "pkt-srcaddr", 3, FieldType.String },
        { "pkt-dstaddr", 3, FieldType.String },
        { "region", 4, FieldType.String },
        { "az-id", 4, FieldType.String },
        { "sublocation-type", 4, FieldType.String },
        { "sublocation-id", 4, FieldType.String },
        { "pkt-src-aws-service", 5, FieldType.String },
        { "pkt-dst-aws-service", 5, FieldType.String },
        { "flow-direction", 5, FieldType.String },
        { "traffic-path", 5, FieldType.Int32 },
        { "ecs-cluster-arn", 7, FieldType.String },
        { "ecs-cluster-name", 7, FieldType.String },
        { "ecs-container-instance-arn", 7, FieldType.String },
        { "ecs-container-instance-id", 7, FieldType.String },
        { "ecs-container-id", 7, FieldType.String },
        { "ecs-second-container-id", 7, FieldType.String },
        { "ecs-service-name", 7, FieldType.String },
        { "ecs-task-definition-arn", 7, FieldType.String },
        { "ecs-task-arn", 7, FieldType.String },
        { "ecs-task-id", 7, FieldType.String },
        { "reject-reason", 8, FieldType.String },
    };

    private static readonly string[] DefaultOrder =
    [
        "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
        "protocol", "packets", "bytes", "start", "end", "action", "log-status",
    ];

    [Fact]
    public void Fields_Always_AreExactlyTheDesignTableInItsOrder()
    {
        var expected = DesignTable.Select(row => (string)row[0]).ToList();

        Assert.Equal(expected, FieldCatalog.Fields.Select(f => f.Name));
        Assert.Equal(40, FieldCatalog.Fields.Count);
    }

    [Fact]
    public void Fields_Always_CoverExactlyVersions2To8Without6()
    {
        Assert.Equal([2, 3, 4, 5, 7, 8], FieldCatalog.Fields.Select(f => f.Version!.Value).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(DesignTable))]
    public void TryGet_CatalogField_HasDesignVersionAndType(string name, int version, FieldType type)
    {
        Assert.True(FieldCatalog.TryGet(name, out var field));

        Assert.Equal(name, field.Name);
        Assert.Equal(version, field.Version);
        Assert.Equal(type, field.Type);
        Assert.True(field.IsKnown);
        Assert.False(string.IsNullOrWhiteSpace(field.Description));
    }

    public static TheoryData<string> DesignNames => new(DesignTable.Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(DesignNames))]
    public void Column_CatalogField_IsNameWithHyphensAsUnderscores(string name)
    {
        Assert.True(FieldCatalog.TryGet(name, out var field));

        Assert.Equal(name.Replace('-', '_'), field.Column);
        Assert.DoesNotContain('-', field.Column);
    }

    [Theory]
    [InlineData("log-status", "log_status")]
    [InlineData("ecs-container-instance-arn", "ecs_container_instance_arn")]
    [InlineData("srcaddr", "srcaddr")]
    [InlineData("next-hop-interface-id", "next_hop_interface_id")]
    public void ColumnNameFor_HyphenatedName_UsesUnderscores(string awsName, string column)
    {
        Assert.Equal(column, FlowLogField.ColumnNameFor(awsName));
    }

    [Fact]
    public void DefaultFormat_Always_IsTheVersion2FieldsInDesignOrder()
    {
        Assert.Equal(DefaultOrder, FieldCatalog.DefaultFormat.Select(f => f.Name));
    }

    [Fact]
    public void DefaultFormat_Always_UsesTheCatalogInstances()
    {
        foreach (var field in FieldCatalog.DefaultFormat)
            Assert.Same(FieldCatalog.Fields[FieldCatalog.OrdinalOf(field)], field);
    }

    [Fact]
    public void OrdinalOf_CatalogField_IsItsPositionInFields()
    {
        for (var i = 0; i < FieldCatalog.Fields.Count; i++)
            Assert.Equal(i, FieldCatalog.OrdinalOf(FieldCatalog.Fields[i]));
    }

    [Fact]
    public void OrdinalOf_UnknownFieldNamedLikeACatalogField_IsMinusOne()
    {
        Assert.Equal(-1, FieldCatalog.OrdinalOf(FlowLogField.Unknown("srcaddr")));
        Assert.Equal(-1, FieldCatalog.OrdinalOf(FlowLogField.Unknown("resource-id")));
    }

    [Theory]
    [InlineData("resource-id")]
    [InlineData("Version")]
    [InlineData("account_id")]
    [InlineData("")]
    public void TryGet_NameNotInCatalog_IsFalse(string name)
    {
        Assert.False(FieldCatalog.TryGet(name, out _));
    }

    [Theory]
    [InlineData("srcport", 0L, 65535L)]
    [InlineData("dstport", 0L, 65535L)]
    [InlineData("protocol", 0L, 255L)]
    [InlineData("tcp-flags", 0L, 255L)]
    [InlineData("version", 0L, (long)int.MaxValue)]
    [InlineData("traffic-path", 0L, (long)int.MaxValue)]
    [InlineData("packets", 0L, long.MaxValue)]
    [InlineData("bytes", 0L, long.MaxValue)]
    [InlineData("start", 0L, 253402300799L)]
    [InlineData("end", 0L, 253402300799L)]
    public void MinMax_NumericField_BoundsItsValues(string name, long min, long max)
    {
        Assert.True(FieldCatalog.TryGet(name, out var field));

        Assert.Equal(min, field.Min);
        Assert.Equal(max, field.Max);
    }

    [Fact]
    public void Int32Fields_Always_HaveAMaxThatFitsInt32()
    {
        foreach (var field in FieldCatalog.Fields.Where(f => f.Type == FieldType.Int32))
            Assert.InRange(field.Max!.Value, 0, int.MaxValue);
    }

    [Fact]
    public void Enforced_Always_IsExactlyActionAndLogStatus()
    {
        Assert.Equal(["action", "log-status"], FieldCatalog.Fields.Where(f => f.Enforced).Select(f => f.Name));
        Assert.True(FieldCatalog.TryGet("action", out var action));
        Assert.Equal(["ACCEPT", "REJECT"], action.Allowed);
        Assert.True(FieldCatalog.TryGet("log-status", out var status));
        Assert.Equal(["OK", "NODATA", "SKIPDATA"], status.Allowed);
    }

    [Fact]
    public void IsEpochSeconds_Always_IsExactlyStartAndEnd()
    {
        Assert.Equal(["start", "end"], FieldCatalog.Fields.Where(f => f.IsEpochSeconds).Select(f => f.Name));
    }

    [Fact]
    public void PartitionRole_Always_IsAccountForAccountIdAndRegionForRegion()
    {
        var roles = FieldCatalog.Fields.Where(f => f.PartitionRole is not null).Select(f => (f.Name, f.PartitionRole));

        Assert.Equal([("account-id", "account"), ("region", "region")], roles);
    }

    [Theory]
    [InlineData("type", new[] { "IPv4", "IPv6", "EFA" })]
    [InlineData("flow-direction", new[] { "ingress", "egress" })]
    public void Allowed_DocumentedValues_AreListed(string name, string[] allowed)
    {
        Assert.True(FieldCatalog.TryGet(name, out var field));

        Assert.Equal(allowed, field.Allowed);
        Assert.False(field.Enforced);
    }

    [Fact]
    public void Unknown_AnyName_IsAnUnknownStringField()
    {
        var field = FlowLogField.Unknown("next-hop-vpc-id");

        Assert.Equal("next-hop-vpc-id", field.Name);
        Assert.Equal("next_hop_vpc_id", field.Column);
        Assert.Null(field.Version);
        Assert.False(field.IsKnown);
        Assert.Equal(FieldType.String, field.Type);
        Assert.False(field.Enforced);
        Assert.Null(field.PartitionRole);
    }

    [Theory]
    [InlineData("dstprot", "dstport")]
    [InlineData("log-stat", "log-status")]
    [InlineData("acount-id", "account-id")]
    public void CloseMatches_Typo_SuggestsTheIntendedFieldFirst(string typo, string intended)
    {
        Assert.Equal(intended, FieldCatalog.CloseMatches(typo)[0]);
    }

    [Fact]
    public void CloseMatches_UnrelatedName_IsEmpty()
    {
        Assert.Empty(FieldCatalog.CloseMatches("encryption-status-code"));
    }
}
