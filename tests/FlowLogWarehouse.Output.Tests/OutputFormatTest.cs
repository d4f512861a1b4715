namespace FlowLogWarehouse.Output.Tests;

public class OutputFormatTest
{
    [Theory]
    [InlineData("table", OutputFormat.Table)]
    [InlineData("csv", OutputFormat.Csv)]
    [InlineData("json", OutputFormat.Json)]
    [InlineData("parquet", OutputFormat.Parquet)]
    [InlineData("png", OutputFormat.Png)]
    [InlineData("CSV", OutputFormat.Csv)]
    [InlineData(" Json ", OutputFormat.Json)]
    public void Parse_KnownName_IsThatFormat(string name, OutputFormat expected) =>
        Assert.Equal(expected, OutputFormats.Parse(name));

    [Fact]
    public void Parse_UnknownName_ListsTheValidNames()
    {
        var e = Assert.Throws<ArgumentException>(() => OutputFormats.Parse("xml"));
        Assert.Equal("unknown output format 'xml': use one of table, csv, json, parquet, png (Parameter 'name')", e.Message);
    }

    [Fact]
    public void Names_AreLowerCase_InEnumOrder() =>
        Assert.Equal(["table", "csv", "json", "parquet", "png"], OutputFormats.Names);

    [Fact]
    public void IsBinary_OnlyParquetAndPng() =>
        Assert.Equal([OutputFormat.Parquet, OutputFormat.Png], Enum.GetValues<OutputFormat>().Where(f => f.IsBinary()));
}
