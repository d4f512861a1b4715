using System.Text.Json;

namespace FlowLogWarehouse.Loader.Tests;

public sealed class QuarantineTests : IDisposable
{
    private const string Good = "2 123456789010 eni-1 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Load_BadLines_AreQuarantinedWithFieldValueAndReason()
    {
        _s.Write("flows.log", string.Join('\n',
            Good,
            "2 123456789010 eni-1 172.31.16.139 172.31.16.21 20641 70000 6 20 4249 1418530010 1418530070 ACCEPT OK",
            "2 123456789010 eni-1 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ALLOW OK",
            "2 123456789010 eni-1 - - - - - - - 1418530010 1418530070 -",
            Good) + "\n");
        var summary = await _s.LoadAsync(o => o with { MaxBadRatio = 1 });
        Assert.Equal(2, summary.Rows);
        Assert.Equal(3, summary.Quarantined);
        Scratch.AssertAccounted(summary);
        var entries = File.ReadAllLines(Path.Combine(_s.Warehouse, summary.Quarantine!))
            .Select(l => JsonDocument.Parse(l).RootElement).OrderBy(e => e.GetProperty("line").GetInt64()).ToList();
        Assert.Equal(2, entries[0].GetProperty("line").GetInt64());
        Assert.Equal("dstport", entries[0].GetProperty("field").GetString());
        Assert.Equal("70000", entries[0].GetProperty("value").GetString());
        Assert.Equal("is not a port (0..65535)", entries[0].GetProperty("reason").GetString());
        Assert.EndsWith("flows.log", entries[0].GetProperty("source").GetString());
        Assert.Equal("action", entries[1].GetProperty("field").GetString());
        Assert.Equal("is not one of ACCEPT, REJECT", entries[1].GetProperty("reason").GetString());
        Assert.StartsWith("expected 14 fields", entries[2].GetProperty("reason").GetString());
        Assert.Equal("2 123456789010 eni-1 - - - - - - - 1418530010 1418530070 -", entries[2].GetProperty("raw").GetString());
    }

    [Fact]
    public async Task Load_TooManyBadLines_FailsAndCommitsNothing()
    {
        _s.Write("junk.log", Good + "\nI am not a flow log\nneither am I\n");
        var e = await Assert.ThrowsAsync<LoadFailedException>(() => _s.LoadAsync());
        Assert.Contains("2 of 3 records were bad", e.Message);
        Assert.Contains(".rejected.jsonl", e.Message);
        Assert.Empty(_s.DataFiles());
        Assert.Empty(Directory.GetFiles(Path.Combine(_s.Warehouse, "_flowlogs", "manifest")));
    }

    [Fact]
    public async Task Load_InvalidUtf8_IsKeptAsBase64()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(Good + "\n2 123456789010 eni-\xff 1.1.1.1 2.2.2.2 1 2 6 1 40 1418530010 1418530070 ACCEPT OK\n");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xff;
        _s.WriteBytes("bin.log", bytes);
        var summary = await _s.LoadAsync();
        Assert.Equal(1, summary.Quarantined);
        var entry = JsonDocument.Parse(File.ReadAllLines(Path.Combine(_s.Warehouse, summary.Quarantine!)).Single()).RootElement;
        Assert.Equal("interface-id", entry.GetProperty("field").GetString());
        Assert.Contains((byte)0xff, (IEnumerable<byte>)Convert.FromBase64String(entry.GetProperty("raw_base64").GetString()!));
    }
}
