using FlowLogWarehouse.Output.Charts;
using FlowLogWarehouse.Output.Tests.Fixtures;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output.Tests.Charts;

public class ChartSpecTest
{
    private static string Describe(ChartSpec spec) => $"{spec.Kind} x={spec.X} y={string.Join(",", spec.Y)} title={spec.Title}";

    [Fact]
    public void Infer_TimestampColumn_IsALineOfTheByteColumns()
    {
        var columns = Samples.Columns(("action", ValueKind.String), ("hour", ValueKind.Timestamp), ("bytes", ValueKind.Integer), ("packets", ValueKind.Integer), ("rejected_bytes", ValueKind.Decimal));
        Assert.Equal("Line x=hour y=bytes,rejected_bytes title=bytes, rejected_bytes by hour", Describe(ChartSpec.Infer(columns)));
    }

    [Fact]
    public void Infer_TextColumn_IsBarsOfTheCountsMeasuredLikeTheFirst()
    {
        var columns = Samples.Columns(("srcaddr", ValueKind.String), ("flows", ValueKind.Integer), ("bytes", ValueKind.Integer), ("packets", ValueKind.Double));
        Assert.Equal("Bar x=srcaddr y=flows,packets title=Top", Describe(ChartSpec.Infer(columns, "Top")));
    }

    [Fact]
    public void Infer_OnlyNumbers_IsBarsLabelledByTheFirst()
    {
        var columns = Samples.Columns(("dstport", ValueKind.Integer), ("flows", ValueKind.Integer));
        Assert.Equal("Bar x=dstport y=flows title=flows by dstport", Describe(ChartSpec.Infer(columns)));
    }

    [Fact]
    public void Infer_NoSecondNumericColumn_SaysSo()
    {
        var e = Assert.Throws<OutputException>(() => ChartSpec.Infer(Samples.Columns(("srcaddr", ValueKind.String), ("dstaddr", ValueKind.String))));
        Assert.Equal("nothing to chart: a chart needs a numeric column to plot against another; the result's columns are: srcaddr, dstaddr", e.Message);
    }
}
