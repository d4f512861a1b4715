using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Core.Tests.Formats;

public class FieldSelectionTest
{
    private const string AwsDefaultLogFormat =
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} " +
        "${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("base")]
    public void Build_BaseOrNothing_IsAwsDefaultFormat(string? selection)
    {
        Assert.Equal(AwsDefaultLogFormat, FieldSelection.Build(selection, []).AwsSyntax);
    }

    [Fact]
    public void Build_Extended_IsBaseThenEveryLaterFieldButEcs()
    {
        var fields = FieldSelection.Build("extended", []).Fields;

        Assert.Equal(FieldCatalog.DefaultFormat, fields.Take(14));
        Assert.Equal(FieldCatalog.Fields.Where(f => !f.Name.StartsWith("ecs-", StringComparison.Ordinal)), fields);
        Assert.Contains(fields, f => f.Name == "reject-reason");
        Assert.Contains(fields, f => f.Name == "traffic-path");
    }

    [Fact]
    public void Build_All_IsEveryCatalogField()
    {
        Assert.Equal(FieldCatalog.Fields, FieldSelection.Build("all", []).Fields);
    }

    [Fact]
    public void Build_Names_KeepTheirOrder()
    {
        Assert.Equal("${dstaddr} ${srcaddr} ${start}", FieldSelection.Build("dstaddr, srcaddr start", []).AwsSyntax);
        Assert.Equal("${dstaddr} ${srcaddr}", FieldSelection.Build("${dstaddr} ${srcaddr}", []).AwsSyntax);
    }

    [Fact]
    public void Build_SetAndNames_AddsNamesAfterTheSetOnce()
    {
        var format = FieldSelection.Build("base tcp-flags srcaddr", []);

        Assert.Equal(FieldCatalog.DefaultFormat.Select(f => f.Name).Append("tcp-flags"), format.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Build_AlsoNeeded_AppendsMissingFieldsInCatalogOrder()
    {
        var format = FieldSelection.Build(null, ["traffic-path", "srcaddr", "pkt-srcaddr", "flow-direction"]);

        Assert.Equal(
            FieldCatalog.DefaultFormat.Select(f => f.Name).Concat(["pkt-srcaddr", "flow-direction", "traffic-path"]),
            format.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Build_Misspelling_NamesTheCloseMatches()
    {
        var error = Assert.Throws<FlowLogFormatException>(() => FieldSelection.Build("base dstprot", []));

        Assert.Equal(
            "'dstprot' in 'base dstprot' is not a flow log field or set; did you mean 'dstport'? Sets: base, extended, all; 'flowlogs fields' lists every field.",
            error.Message);
    }

    [Fact]
    public void Build_UnknownNameLikeNoField_SaysSoWithoutGuesses()
    {
        var error = Assert.Throws<FlowLogFormatException>(() => FieldSelection.Build("zzzzzzzzzzzz", []));

        Assert.StartsWith("'zzzzzzzzzzzz' is not a flow log field or set. Sets:", error.Message);
    }

    [Fact]
    public void Build_PartOfANameAlone_ListsTheNamesThatHoldIt()
    {
        var error = Assert.Throws<FlowLogFormatException>(() => FieldSelection.Build("pkt", []));

        Assert.StartsWith("'pkt' is not a flow log field or set; did you mean ", error.Message);
        Assert.Contains("'pkt-srcaddr'", error.Message);
        Assert.Contains("'pkt-dstaddr'", error.Message);
    }
}
