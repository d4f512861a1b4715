using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output.Tests;

public class ByteSizeTest
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(532, "532 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1023.6, "1.0 KiB")]
    [InlineData(1024, "1.0 KiB")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(1_048_575, "1.0 MiB")]
    [InlineData(1_258_291, "1.2 MiB")]
    [InlineData(4_294_967_296, "4.0 GiB")]
    [InlineData(1_649_267_441_664, "1.5 TiB")]
    [InlineData(-2048, "-2.0 KiB")]
    [InlineData(-0.2, "0 B")]
    [InlineData(9.223372036854775807E18, "8.0 EiB")]
    public void Format_Bytes_IsBinaryUnitWithOneDecimal(double bytes, string expected) =>
        Assert.Equal(expected, ByteSize.Format(bytes));

    [Theory]
    [InlineData("bytes", ValueKind.Integer, true)]
    [InlineData("BYTES", ValueKind.Integer, true)]
    [InlineData("total_bytes", ValueKind.Decimal, true)]
    [InlineData("bytes_in", ValueKind.Double, true)]
    [InlineData("bytes", ValueKind.String, false)]
    [InlineData("bytesize", ValueKind.Integer, false)]
    [InlineData("megabytes", ValueKind.Integer, false)]
    [InlineData("packets", ValueKind.Integer, false)]
    public void IsByteCount_NumericColumnNamedForBytes(string name, ValueKind kind, bool expected) =>
        Assert.Equal(expected, ByteSize.IsByteCount(new ResultColumn(name, kind)));

    [Theory]
    [InlineData(0, 3, "0 B")]
    [InlineData(52_428_800, 2, "50 MiB")]
    [InlineData(1_572_864, 2, "1.5 MiB")]
    [InlineData(512, 1, "0.5 KiB")]
    public void FormatIn_Unit_ShowsOnlyNeededDecimals(double bytes, int unit, string expected) =>
        Assert.Equal(expected, ByteSize.FormatIn(bytes, unit));
}
