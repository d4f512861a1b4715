using System.Buffers.Binary;
using FlowLogWarehouse.Generator;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Loader.Tests;

/// <summary>AWS-delivered Parquet flow logs as sources: read as a line per row, accounted exactly like text.</summary>
public sealed class ParquetInputTests : IDisposable
{
    private const string V5 = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status " +
        "vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id " +
        "pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path";

    private static readonly string[] V5Lines =
    [
        "5 012345678901 eni-0a1b2c3d4e5f67890 10.0.1.5 52.95.110.1 49152 443 6 12 3000 1418530010 1418530070 ACCEPT OK vpc-0abc subnet-0abc i-0abc 19 IPv4 10.0.1.5 52.95.110.1 eu-west-1 euw1-az1 - - - S3 egress 8",
        "5 012345678901 eni-0a1b2c3d4e5f67891 - - - - - - - 1418533600 1418533660 - NODATA vpc-0abc subnet-0abc - - - - - eu-west-1 euw1-az2 - - - - - -",
        "5 012345678901 eni-0a1b2c3d4e5f67890 203.0.113.7 10.0.1.5 3389 22 6 1 5000000000 1418530100 1418530160 REJECT OK vpc-0abc subnet-0abc i-0abc 2 IPv4 203.0.113.7 10.0.1.5 eu-west-1 euw1-az1 - - - - ingress -",
    ];

    private const string AllColumns = "SELECT * FROM flow_logs ORDER BY interface_id, start";

    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Load_AwsStyleParquet_SameRowsAsTheEquivalentText()
    {
        AwsParquet.FromText(Path.Combine(_s.Inputs, "flows.parquet"), V5, V5Lines);
        using var text = new Scratch();
        text.Write("flows.log", V5 + "\n" + string.Join('\n', V5Lines) + "\n");

        var summary = await _s.LoadAsync();
        await text.LoadAsync();

        var source = summary.Sources.Single();
        Assert.Equal("parquet", source.Kind);
        Assert.Equal(V5, source.Format);
        Assert.Equal((3, 3, 0, 0), (source.LinesRead, source.Rows, source.Quarantined, source.Skipped));
        Assert.Equal(text.Query(AllColumns), _s.Query(AllColumns));
        Assert.Equal([5000000000L, null], _s.Query("SELECT bytes, traffic_path FROM flow_logs WHERE action = 'REJECT'").Single());
        Assert.All(_s.DataFiles(), f => Assert.Contains("/aws-account-id=012345678901/", f));
    }

    [Fact]
    public async Task Load_ParquetNamedLog_IsDetectedByMagicNotByName()
    {
        AwsParquet.FromText(Path.Combine(_s.Inputs, "flows.log"), V5, V5Lines);
        var summary = await _s.LoadAsync();
        Assert.Equal("parquet", summary.Sources.Single().Kind);
        Assert.Equal(3, summary.Rows);
    }

    [Fact]
    public async Task Load_ParquetBadValue_IsQuarantinedWithItsRowNumber()
    {
        AwsParquet.FromText(Path.Combine(_s.Inputs, "flows.parquet"), V5, V5Lines[0], V5Lines[2].Replace("REJECT", "MAYBE"), V5Lines[1]);
        var summary = await _s.LoadAsync();
        Assert.Equal((3, 2, 1), (summary.LinesRead, summary.Rows, summary.Quarantined));
        var entry = _s.QuarantineEntries(summary).Single();
        Assert.Equal(2, entry.GetProperty("line").GetInt64());
        Assert.Equal("action", entry.GetProperty("field").GetString());
        Assert.Equal("MAYBE", entry.GetProperty("value").GetString());
        Assert.Equal(V5Lines[2].Replace("REJECT", "MAYBE"), entry.GetProperty("raw").GetString());
    }

    [Fact]
    public async Task Load_ManyRowGroups_LineNumbersRunOnAcrossThem()
    {
        var path = AwsParquet.FromQuery(Path.Combine(_s.Inputs, "big.parquet"),
            "SELECT 2 AS version, '123456789010' AS account_id, 'eni-' || i AS interface_id, (1418530010 + i)::BIGINT AS start, " +
            "CASE WHEN i = 4499 THEN 'MAYBE' ELSE 'ACCEPT' END AS action FROM range(5000) r(i)", rowGroupRows: 1000);
        Assert.True(AwsParquet.RowGroups(path) > 1);

        var summary = await _s.LoadAsync(o => o with { ChunkBytes = 4096 });

        Assert.Equal((5000, 4999, 1, 0), (summary.LinesRead, summary.Rows, summary.Quarantined, summary.Skipped));
        var entry = _s.QuarantineEntries(summary).Single();
        Assert.Equal(4500, entry.GetProperty("line").GetInt64());
        Assert.Equal(0, _s.Count("interface_id = 'eni-4499'"));
        Assert.Equal(1, _s.Count("interface_id = 'eni-4999'"));
    }

    [Fact]
    public async Task Load_UnknownColumns_AreKeptAsText()
    {
        AwsParquet.FromQuery(Path.Combine(_s.Inputs, "v11.parquet"),
            "SELECT 11 AS version, '123456789010' AS account_id, 1418530010::BIGINT AS start, 'enabled' AS encryption_status, 7 AS hop_count");
        var summary = await _s.LoadAsync();
        Assert.Equal("version account-id start encryption-status hop-count", summary.Sources.Single().Format);
        Assert.Equal(["enabled", "7"], _s.Query("SELECT encryption_status, hop_count FROM flow_logs").Single());
    }

    [Fact]
    public async Task Load_TextWithWhitespaceOrEmpty_IsQuarantinedOnItsOwnLine()
    {
        // Row 6 would parse if written plainly: its empty value and its split one make up the field count.
        AwsParquet.FromQuery(Path.Combine(_s.Inputs, "odd.parquet"),
            "SELECT version, interface_id, start::BIGINT AS start, note FROM (VALUES " +
            "(5, 'eni-1', 1418530010, 'fine'), (5, 'eni 2', 1418530010, 'fine'), (5, 'eni-3' || chr(10) || 'x', 1418530010, 'fine'), " +
            "(5, 'eni-4', 1418530010, ''), (5, 'eni-5', 1418530010, 'tab' || chr(9)), (5, 'eni 6', 1418530010, ''), (5, 'eni-7', 1418530010, 'fine')" +
            ") t(version, interface_id, start, note)");

        var summary = await _s.LoadAsync(o => o with { MaxBadRatio = 1 });

        Assert.Equal((7, 2, 5, 0), (summary.LinesRead, summary.Rows, summary.Quarantined, summary.Skipped));
        Assert.Equal([["eni-1"], ["eni-7"]], _s.Query("SELECT interface_id FROM flow_logs ORDER BY 1"));
        var entries = _s.QuarantineEntries(summary);
        Assert.Equal([2, 3, 4, 5, 6], entries.Select(e => e.GetProperty("line").GetInt64()));
        Assert.All(entries, e => Assert.StartsWith("expected 4 fields", e.GetProperty("reason").GetString()));
        Assert.Equal("5 eni-3\\x0Ax 1418530010 fine [text-value-empty-or-with-whitespace]", entries[1].GetProperty("raw").GetString());
        Assert.Equal("5 eni\\x206 1418530010 \"\" [text-value-empty-or-with-whitespace]", entries[4].GetProperty("raw").GetString());
    }

    [Fact]
    public async Task Load_TruncatedOrCorruptParquet_FailsThatSourceAndTheOthersLoad()
    {
        var good = File.ReadAllBytes(AwsParquet.FromText(Path.Combine(_s.Root, "good.parquet"), V5, V5Lines));
        _s.WriteBytes("truncated.parquet", good[..(good.Length / 2)]);
        // Footer intact, pages zeroed: the probe reads the schema, and the failure comes while reading rows.
        var zeroed = (byte[])good.Clone();
        var footer = BinaryPrimitives.ReadInt32LittleEndian(zeroed.AsSpan(zeroed.Length - 8));
        zeroed.AsSpan(4, zeroed.Length - 8 - footer - 4).Clear();
        _s.WriteBytes("zeroed.parquet", zeroed);
        _s.Write("good.log", V5 + "\n" + V5Lines[0] + "\n");

        var summary = await _s.LoadAsync();

        Assert.NotNull(summary.Batch);
        Assert.Equal(1, summary.Rows);
        var failed = summary.Sources.Where(s => s.Outcome == SourceOutcome.Failed).OrderBy(s => s.Source).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, f => Assert.StartsWith("not readable as Parquet (corrupt or truncated): ", f.Error));
        Assert.Contains("not a parquet file", failed[0].Error);
        Assert.Equal("2 source(s) failed; the rest was loaded", summary.Error);
    }

    [Fact]
    public async Task Load_TimestampColumn_FailsThatSourceNamingIt()
    {
        AwsParquet.FromQuery(Path.Combine(_s.Inputs, "ts.parquet"), "SELECT 2 AS version, '123456789010' AS account_id, TIMESTAMP '2014-12-14 04:06:50' AS start");
        var summary = await _s.LoadAsync();
        Assert.Equal("no source could be read", summary.Error);
        Assert.Equal("not a flow log Parquet file: column 'start' is DateTime; flow log columns are int32, int64 or string", summary.Sources.Single().Error);
    }

    [Fact]
    public async Task Load_OurOwnWarehouseFiles_ReadBackToTheSameRows()
    {
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = _s.Inputs, Days = 1, RowsPerDay = 8_000, Format = "v5", Gzip = true, Seed = 11 });
        var first = await _s.LoadAsync(o => o with { RowGroupRows = 1000 });
        using var again = new Scratch();

        var summary = await again.LoadAsync(null, Path.Combine(_s.Warehouse, "AWSLogs"));

        Assert.All(summary.Sources, s => Assert.Equal("parquet", s.Kind));
        Assert.Equal((first.Rows, first.Rows, 0, 0), (summary.LinesRead, summary.Rows, summary.Quarantined, summary.Skipped));
        const string difference = "SELECT count(*) FROM (SELECT * FROM read_parquet($1, hive_partitioning = true) EXCEPT ALL SELECT * FROM read_parquet($2, hive_partitioning = true))";
        Assert.Equal(0, DuckDbQuery.Long(difference, DuckDbQuery.DataGlob(_s.Warehouse), DuckDbQuery.DataGlob(again.Warehouse)));
        Assert.Equal(0, DuckDbQuery.Long(difference, DuckDbQuery.DataGlob(again.Warehouse), DuckDbQuery.DataGlob(_s.Warehouse)));
    }
}
