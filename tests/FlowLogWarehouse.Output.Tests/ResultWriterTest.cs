using FlowLogWarehouse.Output.Charts;
using FlowLogWarehouse.Output.Tests.Fixtures;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Output.Tests;

public sealed class ResultWriterTest : IDisposable
{
    private readonly TempDirectory _dir = new("output-writer");

    public void Dispose() => _dir.Dispose();

    private static ListResult Hourly(int hours) =>
        new ListResult(("hour", ValueKind.Timestamp), ("bytes", ValueKind.Integer))
            .With([.. Enumerable.Range(0, hours).Select(i => new object?[] { Samples.At.AddHours(i), (i + 1) * 1_000_000L })]);

    [Theory]
    [InlineData(OutputFormat.Table, "hour                     bytes\n-------------------  ---------\n2024-03-01 12:34:56  976.6 KiB\n(1 row)\n")]
    [InlineData(OutputFormat.Csv, "hour,bytes\n2024-03-01T12:34:56Z,1000000\n")]
    [InlineData(OutputFormat.Json, "[\n{\"hour\":\"2024-03-01T12:34:56Z\",\"bytes\":1000000}\n]\n")]
    public async Task WriteAsync_TextFormat_WritesThatFormat(OutputFormat format, string expected)
    {
        var text = new StringWriter();
        await ResultWriter.WriteAsync(Hourly(1), format, text);
        Assert.Equal(expected, text.ToString());
    }

    [Theory]
    [InlineData(OutputFormat.Parquet)]
    [InlineData(OutputFormat.Png)]
    public async Task WriteAsync_BinaryFormat_AsksForAFile(OutputFormat format)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => ResultWriter.WriteAsync(Hourly(1), format, new StringWriter()));
        Assert.Equal($"{format.Name()} output is binary: write it to a file (Parameter 'format')", e.Message);
    }

    [Fact]
    public async Task WriteFileAsync_Csv_IsUtf8WithoutAByteOrderMark()
    {
        var path = _dir.Combine("out.csv");
        await ResultWriter.WriteFileAsync(new ListResult(("s", ValueKind.String)).With(["é"]), OutputFormat.Csv, path);
        Assert.Equal("s\né\n"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task WriteFileAsync_Parquet_ReadsBack()
    {
        var path = _dir.Combine("out.parquet");
        await ResultWriter.WriteFileAsync(Hourly(5), OutputFormat.Parquet, path);
        Assert.Equal(15_000_000L, DuckDbQuery.Long($"SELECT sum(bytes) FROM read_parquet('{path}')"));
    }

    [Fact]
    public async Task WriteFileAsync_PngWithoutSpec_DrawsTheInferredChart()
    {
        var path = _dir.Combine("out.png");
        await ResultWriter.WriteFileAsync(Hourly(24), OutputFormat.Png, path);
        using var png = PngFile.Load(path);
        Assert.Equal((ChartRenderer.Width, ChartRenderer.Height), (png.Width, png.Height));
    }

    [Fact]
    public async Task WriteFileAsync_Failure_LeavesTheEarlierFileAndNoTemporaryOne()
    {
        var path = _dir.Combine("out.png");
        File.WriteAllText(path, "earlier");
        var e = await Assert.ThrowsAsync<OutputException>(() =>
            ResultWriter.WriteFileAsync(Hourly(0), OutputFormat.Png, path, new ChartSpec(ChartKind.Line, "hour", ["bytes"], "t")));
        Assert.Equal("the result has no rows, so there is nothing to chart", e.Message);
        Assert.Equal("earlier", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task WriteFileAsync_Cancelled_LeavesNoFile()
    {
        var path = _dir.Combine("out.parquet");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ResultWriter.WriteFileAsync(Hourly(10), OutputFormat.Parquet, path, cancellationToken: cancelled.Token));
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task WriteFileAsync_PngOfTooManyRows_StopsReadingPastTheLimit()
    {
        var result = Hourly(ChartRenderer.MaxRows + 50);
        await Assert.ThrowsAsync<OutputException>(() => ResultWriter.WriteFileAsync(result, OutputFormat.Png, _dir.Combine("out.png")));
        Assert.Equal(ChartRenderer.MaxRows + 1, result.RowsRead);
    }
}
