using System.Text;

namespace FlowLogWarehouse.Loader.Tests;

/// <summary>Random and mutated input never crashes a load, and every line read is accounted for.</summary>
public sealed class FuzzTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private static readonly string[] Seeds =
    [
        "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK",
        "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - NODATA",
        "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK",
    ];

    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Load_RandomAndMutatedLines_NeverCrashAndAreAccounted(int seed)
    {
        var random = new Random(seed);
        var expectedLines = 0L;
        for (var f = 0; f < 4; f++)
        {
            var bytes = new List<byte>();
            if (random.Next(2) == 0)
            {
                bytes.AddRange(Encoding.ASCII.GetBytes(Header + "\n"));
                expectedLines++;
            }
            var lines = random.Next(50, 300);
            for (var i = 0; i < lines; i++)
            {
                bytes.AddRange(Mutate(random, Encoding.ASCII.GetBytes(Seeds[random.Next(Seeds.Length)])));
                bytes.Add((byte)'\n');
            }
            expectedLines += lines;
            _s.WriteBytes($"f{f}.log", bytes.ToArray(), gzip: random.Next(2) == 0);
        }

        var summary = await _s.LoadAsync(o => o with { MaxBadRatio = 1 });

        Scratch.AssertAccounted(summary);
        Assert.Equal(expectedLines, summary.LinesRead);
        Assert.Equal(summary.Rows, summary.Rows == 0 ? 0 : _s.Count());
        var quarantined = summary.Quarantine is null ? 0 : File.ReadLines(Path.Combine(_s.Warehouse, summary.Quarantine)).LongCount();
        Assert.Equal(summary.Quarantined, quarantined);
    }

    private static byte[] Mutate(Random random, byte[] line)
    {
        var bytes = new List<byte>(line);
        var mutations = random.Next(0, 4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, (byte)' '); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                case 4: bytes.InsertRange(at, Encoding.ASCII.GetBytes("99999999999999999999")); break;
                case 5: bytes.InsertRange(at, "\u00e9\u4e2d"u8.ToArray()); break;
                default: bytes.InsertRange(at, Encoding.ASCII.GetBytes(" {\"x\": ")); break;
            }
        }
        // A newline inside a mutated line would split it: keep one line per mutation.
        return bytes.Where(b => b != (byte)'\n').ToArray();
    }
}
