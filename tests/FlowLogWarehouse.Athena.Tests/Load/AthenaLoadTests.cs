using System.Text.Json;
using FlowLogWarehouse.Loader;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Athena.Tests.Load;

/// <summary>
/// <c>load --engine athena</c> against a real S3 server and the fake Athena: the same rows, partitions, accounting
/// and bad lines as the load that parses here, incremental like it, a broken object failing alone.
/// </summary>
public sealed class AthenaLoadTests(AthenaLoadFixture f) : IClassFixture<AthenaLoadFixture>, IDisposable
{
    private readonly TempDirectory _local = new("athena-load-local");

    public void Dispose() => _local.Dispose();

    /// <summary>Every kind of line: good, each kind of bad, blank, comment, tabs, milliseconds, nulls, CRLF.</summary>
    private const string Handwritten =
        "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n" +
        "2 123456789012 eni-1 10.0.0.1 10.0.0.2 443 49152 6 10 840 1700000000 1700000060 ACCEPT OK\n" +
        "2 123456789012 eni-1 10.0.0.1 10.0.0.2 70000 80 6 10 840 1700000000 1700000060 ACCEPT OK\n" +
        "2 123456789012 eni-1 10.0.0.1 10.0.0.2 443 80 6 10 840 1700000000 1700000060 MAYBE OK\n" +
        "2 123456789012 eni-1 10.0.0.1\n" +
        "\t2  123456789012   eni-2 10.0.0.3 10.0.0.4 22 50000 6 3 180 1700000000123 1700000060456 REJECT OK  # a comment\n" +
        "\n" +
        "2 unknown eni-3 - - - - - - - 1700003700 1700003760 - NODATA\n" +
        "2 123456789012 eni-4 10.0.0.5 10.0.0.6 1 2 17 -5 10 1700000000 1700000060 ACCEPT OK\n" +
        "2 123456789012 eni-4 10.0.0.5 10.0.0.6 1 2 17 99999999999999999999 10 1700000000 1700000060 ACCEPT OK\n" +
        "2 bad/acct eni-5 10.0.0.5 10.0.0.6 1 2 17 1 10 1700000000 1700000060 ACCEPT OK\n" +
        "2 123456789012 eni-6 10.0.0.7 10.0.0.8 1 2 17 1 10 - - ACCEPT OK\r\n" +
        "2 999999999999 eni-7 10.0.0.9 10.0.0.10 5 6 17 1 10 1700007300 1700007360 REJECT OK";

    private const string HandwrittenKey = "AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/01/handwritten.log.gz";

    [Fact]
    public async Task Load_InAthena_SameRowsPartitionsAndAccountingAsTheLocalLoad()
    {
        var raw = await f.NewBucketAsync("raw");
        var warehouse = await f.NewBucketAsync("wh");
        await f.UploadAsync(raw, f.Logs);
        await f.S3.PutAsync(raw, HandwrittenKey, AthenaLoadFixture.Gzip(Handwritten));

        var local = await f.LoadAsync($"s3://{raw}/", _local.Path, converter: null);
        var converter = f.Converter();
        var athena = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", converter);

        Assert.True(athena.Committed, athena.Error);
        Assert.Null(athena.Error);
        Assert.Equal(f.Logs.Count + 1, athena.SourcesLoaded);
        Assert.Equal(Accounting(local), Accounting(athena));
        Assert.True(athena.Rows > 300 && athena.Quarantined == 6 && athena.Skipped > f.Logs.Count, $"{athena.Rows} rows, {athena.Quarantined} bad, {athena.Skipped} skipped");
        Assert.Equal(await AthenaLoadFixture.RowsAsync(_local.Path), await f.RowsOfS3Async(warehouse, "flow/"));
        Assert.True(converter.Queries > 0 && converter.BytesScanned > 0);
        // Nothing of the conversion stays behind: staging is gone, and so are the raw tables.
        Assert.Empty(await f.S3.ListKeysAsync(warehouse, "flow/_flowlogs/remote/"));
        Assert.DoesNotContain(f.Raw.Tables.Keys, t => t.Contains(athena.Batch!.ToLowerInvariant().Replace('-', '_'), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_InAthena_IntoAPerDayWarehouse_SameRowsAndFoldersAsTheLocalLoad()
    {
        var raw = await f.NewBucketAsync("perday");
        var warehouse = await f.NewBucketAsync("whperday");
        await f.UploadAsync(raw, f.Logs);
        const Core.Layout.PartitionGranularity day = Core.Layout.PartitionGranularity.Day;

        var local = await f.LoadAsync($"s3://{raw}/", _local.Path, converter: null, partition: day);
        var athena = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", f.Converter(), partition: day);

        Assert.True(athena.Committed, athena.Error);
        Assert.Equal(Accounting(local), Accounting(athena));
        Assert.Equal(await AthenaLoadFixture.RowsAsync(_local.Path), await f.RowsOfS3Async(warehouse, "flow/"));
        static string Folder(string path) => path[..path.LastIndexOf('/')];
        Assert.Equal(local.Files.Select(x => Folder(x.Path)).Distinct().Order(), athena.Files.Select(x => Folder(x.Path)).Distinct().Order());
        Assert.All(athena.Files, x => Assert.DoesNotContain("/hour=", x.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("organization")]
    [InlineData("hive")]
    [InlineData("hourly")]
    public async Task Load_InAthena_EveryAwsLayout_SameRowsAsTheLocalLoad(string layout)
    {
        var raw = await f.NewBucketAsync("layout");
        var warehouse = await f.NewBucketAsync("whlayout");
        await f.UploadAsync(raw, f.Logs, layout);

        var local = await f.LoadAsync($"s3://{raw}/", _local.Path, converter: null);
        var athena = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", f.Converter());

        Assert.True(athena.Committed, athena.Error);
        Assert.Equal(Accounting(local), Accounting(athena));
        Assert.Equal(await AthenaLoadFixture.RowsAsync(_local.Path), await f.RowsOfS3Async(warehouse, "flow/"));
    }

    [Fact]
    public async Task Load_InAthena_QuarantinesWhatTheLocalLoadQuarantines_WithoutLineNumbers()
    {
        var raw = await f.NewBucketAsync("bad");
        var warehouse = await f.NewBucketAsync("whbad");
        await f.S3.PutAsync(raw, HandwrittenKey, AthenaLoadFixture.Gzip(Handwritten));

        var local = await f.LoadAsync($"s3://{raw}/", _local.Path, converter: null, maxBadRatio: 1);
        var athena = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", f.Converter(), maxBadRatio: 1);

        Assert.True(athena.Committed, athena.Error);
        var expected = Quarantine(await File.ReadAllTextAsync(Path.Combine(_local.Path, local.Quarantine!)));
        var actual = Quarantine(System.Text.Encoding.UTF8.GetString(await f.S3.GetBytesAsync(warehouse, "flow/" + athena.Quarantine)));
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected.Select(e => (e with { Line = null }).ToString()).Order(), actual.Select(e => e.ToString()).Order());
        Assert.All(actual, e => Assert.Null(e.Line));
    }

    [Fact]
    public async Task Load_InAthena_AgainWritesNothing_NewObjectsLoadAlone()
    {
        var raw = await f.NewBucketAsync("incr");
        var warehouse = await f.NewBucketAsync("whincr");
        var (first, later) = (f.Logs.Where((_, i) => i % 2 == 0).ToList(), f.Logs.Where((_, i) => i % 2 == 1).ToList());
        await f.UploadAsync(raw, first);
        var one = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", f.Converter());
        Assert.True(one.Committed, one.Error);

        var converter = f.Converter();
        var again = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", converter);
        Assert.Null(again.Batch);
        Assert.Equal(first.Count, again.SourcesAlreadyLoaded);
        Assert.Equal(0, converter.Queries);

        await f.UploadAsync(raw, later);
        var three = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", f.Converter());
        Assert.Equal(later.Count, three.SourcesLoaded);
        Assert.Equal(first.Count, three.SourcesAlreadyLoaded);

        var local = await f.LoadAsync($"s3://{raw}/", _local.Path, converter: null);
        Assert.Equal(await AthenaLoadFixture.RowsAsync(_local.Path), await f.RowsOfS3Async(warehouse, "flow/"));
        Assert.Equal(local.Rows, one.Rows + three.Rows);
    }

    [Fact]
    public async Task Reload_InAthena_ReplacesTheBatchExactly()
    {
        var raw = await f.NewBucketAsync("reload");
        var warehouse = await f.NewBucketAsync("whreload");
        await f.UploadAsync(raw, f.Logs.Take(5));
        var first = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", f.Converter());
        var before = await f.RowsOfS3Async(warehouse, "flow/");

        var reload = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", f.Converter(), reload: true);

        Assert.True(reload.Committed, reload.Error);
        Assert.Equal([first.Batch!], reload.Replaced);
        Assert.Equal(before, await f.RowsOfS3Async(warehouse, "flow/"));
        var keys = await f.S3.ListKeysAsync(warehouse, "flow/");
        Assert.DoesNotContain(keys, k => k.Contains(first.Batch!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_InAthena_ACorruptObjectFailsAlone_TheNextRunRetriesIt()
    {
        var raw = await f.NewBucketAsync("corrupt");
        var warehouse = await f.NewBucketAsync("whcorrupt");
        var logs = f.Logs.Take(4).ToList();
        await f.UploadAsync(raw, logs);
        var broken = logs[1].Key;
        var bytes = await File.ReadAllBytesAsync(logs[1].Path);
        await f.S3.PutAsync(raw, broken, bytes[..(bytes.Length / 2)]);

        var summary = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", f.Converter());

        Assert.True(summary.Committed, summary.Error);
        Assert.Equal(1, summary.SourcesFailed);
        Assert.Contains(broken, summary.Sources.Single(s => s.Outcome == SourceOutcome.Failed).Source);
        Assert.Equal(logs.Count - 1, summary.SourcesLoaded);
        Assert.NotNull(summary.Error);

        await f.S3.PutAsync(raw, broken, bytes);
        var retry = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", f.Converter());
        Assert.Equal(1, retry.SourcesLoaded);
        Assert.Equal(logs.Count - 1, retry.SourcesAlreadyLoaded);
        await f.LoadAsync($"s3://{raw}/", _local.Path, converter: null);
        Assert.Equal(await AthenaLoadFixture.RowsAsync(_local.Path), await f.RowsOfS3Async(warehouse, "flow/"));
    }

    [Fact]
    public async Task Load_InAthena_EveryStatementPassesAthenasGrammars()
    {
        var raw = await f.NewBucketAsync("grammar");
        var warehouse = await f.NewBucketAsync("whgrammar");
        await f.UploadAsync(raw, f.Logs.Take(3));
        await f.S3.PutAsync(raw, HandwrittenKey, AthenaLoadFixture.Gzip(Handwritten));
        var converter = f.Converter();

        var summary = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", converter);

        Assert.True(summary.Committed, summary.Error);
        var statements = converter.Statements.ToList();
        Assert.Contains(statements, s => s.Sql.StartsWith("UNLOAD", StringComparison.Ordinal) && s.Sql.Contains("'PARQUET'", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Sql.StartsWith("UNLOAD", StringComparison.Ordinal) && s.Sql.Contains("'JSON'", StringComparison.Ordinal));
        var check = await TrinoGrammar.CheckAsync(statements.Select((s, i) => new TrinoStatement($"load-{i}", s.Query, s.IsHive)).ToList());
        Assert.True(check.ExitCode == 0 && check.Errors.Count == 0, string.Join("\n", check.Errors.Select(e => e.Message)));
        // Values never become SQL: object paths and header text reach Athena as execution parameters.
        Assert.All(statements.Where(s => !s.IsHive), s => Assert.DoesNotContain("s3://" + raw, s.Sql.Split(" TO '")[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_InAthena_AnObjectWithAnotherHeaderThanItsFlowLog_IsProbedOnItsOwn_AndLoadsExactly()
    {
        const string folder = "AWSLogs/123456789012/vpcflowlogs/eu-west-3/2026/11/01/";
        static string Name(string stamp) => $"123456789012_vpcflowlogs_eu-west-3_fl-0a1b2c3d4e5f60789_20261101T{stamp}Z_ab12cd34.log.gz";
        const string v2 = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
        const string v2Record = "2 123456789012 eni-0a1b2c3d 10.0.0.1 10.0.0.2 443 49152 6 10 840 1761955200 1761955260 ACCEPT OK";
        var raw = await f.NewBucketAsync("mismatch");
        var warehouse = await f.NewBucketAsync("whmismatch");
        await f.S3.PutAsync(raw, folder + Name("0000"), AthenaLoadFixture.Gzip($"{v2}\n{v2Record}\n{v2Record}\n"));
        await f.S3.PutAsync(raw, folder + Name("0005"), AthenaLoadFixture.Gzip("version interface-id srcaddr bytes start vpc-id\n5 eni-0a1b2c3d 10.0.0.9 77 1761955300 vpc-0123abcd\n"));
        await f.S3.PutAsync(raw, folder + Name("0010"), AthenaLoadFixture.Gzip($"{v2}\n{v2Record}\n"));

        var local = await f.LoadAsync($"s3://{raw}/", _local.Path, converter: null);
        var athena = await f.LoadAsync($"s3://{raw}/", $"s3://{warehouse}/flow", f.Converter());

        Assert.True(athena.Committed, athena.Error);
        Assert.Equal((0, 4L, 0L), (athena.SourcesFailed, athena.Rows, athena.Quarantined));
        Assert.Equal(Accounting(local), Accounting(athena));
        Assert.Equal(await AthenaLoadFixture.RowsAsync(_local.Path), await f.RowsOfS3Async(warehouse, "flow/"));
    }

    private static List<(string, long, long, long, long)> Accounting(LoadSummary summary) =>
        summary.Sources.Where(s => s.Outcome == SourceOutcome.Loaded)
            .Select(s => (s.Source, s.LinesRead, s.Rows, s.Quarantined, s.Skipped)).Order().ToList();

    private sealed record Bad(string Source, long? Line, string? Field, string? Value, string Reason, string Raw);

    private static List<Bad> Quarantine(string jsonLines) => jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
    {
        var e = JsonDocument.Parse(line).RootElement;
        string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var number = e.GetProperty("line");
        return new Bad(Text("source")!, number.ValueKind == JsonValueKind.Number ? number.GetInt64() : null, Text("field"), Text("value"), Text("reason")!, Text("raw")!.TrimEnd('\r'));
    }).ToList();
}
