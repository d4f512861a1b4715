using FlowLogWarehouse.TestSupport;
using System.IO.Compression;
using System.Text;
using FlowLogWarehouse.Generator;

namespace FlowLogWarehouse.Loader.Tests;

/// <summary>generate → load → read back with DuckDB, compared with figures computed from the text on its own.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Theory]
    [InlineData("v2", false)]
    [InlineData("v5", true)]
    [InlineData("all", true)]
    public async Task GenerateLoadRead_MatchesTheText(string format, bool gzip)
    {
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = _s.Inputs, Days = 2, RowsPerDay = 6_000, Format = format, Gzip = gzip, Seed = 7 });
        var expected = TextFigures.Of(_s.Inputs);

        var summary = await _s.LoadAsync(o => o with { RowGroupRows = 1000, BufferBudgetBytes = 2 << 20 });

        Scratch.AssertAccounted(summary);
        Assert.Equal(0, summary.Quarantined);
        Assert.Equal(expected.Records, summary.Rows);
        var row = _s.Query("SELECT count(*), sum(bytes), sum(packets), count(DISTINCT interface_id), count(*) FILTER (WHERE log_status = 'NODATA') FROM flow_logs").Single();
        Assert.Equal([expected.Records, expected.Bytes, expected.Packets, expected.Interfaces, expected.NoData],
            row.Select(DuckDbQuery.ToLong).ToArray());
    }

    [Fact]
    public async Task Load_ManySmallFilesOfOneHour_KeepsEveryValueExactly()
    {
        // Each file adds a few rows to the same hour: their buffers are joined, text and all, before writing.
        var expected = new List<string>();
        for (var file = 0; file < 300; file++)
        {
            var lines = Enumerable.Range(0, 5).Select(i =>
            {
                var n = file * 5 + i;
                var line = $"2 123456789012 eni-{n:x17} 198.{n / 65536 % 256}.{n / 256 % 256}.{n % 256} 10.0.0.1 {1024 + n % 60000} 443 6 1 {n} 1418530010 1418530070 ACCEPT OK";
                expected.Add(line);
                return line;
            });
            _s.Write($"f{file:000}.log", string.Join('\n', lines) + "\n", gzip: file % 2 == 0);
        }

        var summary = await _s.LoadAsync();

        Assert.Equal(1_500, summary.Rows);
        var actual = _s.Query("SELECT version, account_id, interface_id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, \"start\", \"end\", action, log_status FROM flow_logs")
            .Select(r => string.Join(' ', r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }

    [Fact]
    public async Task Load_MoreHoursThanOpenFiles_FinishesFilesEarlyAndKeepsEveryRow()
    {
        var generated = FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = _s.Inputs, Days = 1, RowsPerDay = 5_000, Seed = 5 });
        var summary = await _s.LoadAsync(o => o with { MaxOpenFiles = 2, RowGroupRows = 200, BufferBudgetBytes = 1 << 20 });
        Assert.Equal(generated.Records, summary.Rows);
        Assert.Equal(generated.Records, _s.Count());
        Assert.True(summary.Files.Count > 24, $"{summary.Files.Count} files for 24+ hours with 2 open at a time");
        Assert.Equal(summary.Files.Count, _s.DataFiles().Length);
    }

    [Fact]
    public async Task Load_PartitionColumns_AgreeWithStartInUtc()
    {
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = _s.Inputs, Days = 1, RowsPerDay = 3_000, Seed = 3 });
        await _s.LoadAsync();
        var mismatches = _s.Query(
            "SELECT count(*) FROM flow_logs WHERE CAST(year AS BIGINT) <> year(to_timestamp(start) AT TIME ZONE 'UTC') " +
            "OR CAST(month AS BIGINT) <> month(to_timestamp(start) AT TIME ZONE 'UTC') OR CAST(day AS BIGINT) <> day(to_timestamp(start) AT TIME ZONE 'UTC') " +
            "OR CAST(hour AS BIGINT) <> hour(to_timestamp(start) AT TIME ZONE 'UTC') OR \"aws-account-id\" <> account_id").Single();
        Assert.Equal(0L, DuckDbQuery.ToLong(mismatches[0]));
    }

    /// <summary>Counts taken straight from the files by splitting lines, without our parser.</summary>
    private sealed record TextFigures(long Records, long Bytes, long Packets, long Interfaces, long NoData)
    {
        public static TextFigures Of(string directory)
        {
            long records = 0, bytes = 0, packets = 0, nodata = 0;
            var interfaces = new HashSet<string>();
            foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            {
                using var file = File.OpenRead(path);
                Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
                using var reader = new StreamReader(stream, Encoding.ASCII);
                var names = reader.ReadLine()!.Split(' ');
                int Index(string name) => Array.IndexOf(names, name);
                int b = Index("bytes"), p = Index("packets"), i = Index("interface-id"), s = Index("log-status");
                for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
                {
                    var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    records++;
                    if (v[b] != "-") bytes += long.Parse(v[b]);
                    if (v[p] != "-") packets += long.Parse(v[p]);
                    if (v[i] != "-") interfaces.Add(v[i]);
                    if (v[s] == "NODATA") nodata++;
                }
            }
            return new TextFigures(records, bytes, packets, interfaces.Count, nodata);
        }
    }
}
