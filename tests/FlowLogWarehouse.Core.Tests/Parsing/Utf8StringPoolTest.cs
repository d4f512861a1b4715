using System.Text;
using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Core.Tests.Parsing;

public class Utf8StringPoolTest
{
    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void TryGet_EqualBytesFromDifferentBuffers_ReturnsTheSameInstance()
    {
        var pool = new Utf8StringPool();

        Assert.True(pool.TryGet(Bytes("eni-1235b8ca123456789"), out var first));
        Assert.True(pool.TryGet(Bytes("10.0.0.1"), out _));
        Assert.True(pool.TryGet(Bytes("eni-1235b8ca123456789"), out var second));

        Assert.Equal("eni-1235b8ca123456789", first);
        Assert.Same(first, second);
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public void TryGet_SameValueTwiceInARow_ReturnsTheSameInstance()
    {
        var pool = new Utf8StringPool();

        Assert.True(pool.TryGet(Bytes("123456789010"), out var first));
        Assert.True(pool.TryGet(Bytes("123456789010"), out var second));

        Assert.Same(first, second);
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void TryGet_DifferentValuesOfEqualLength_AreDifferentStrings()
    {
        var pool = new Utf8StringPool();

        Assert.True(pool.TryGet(Bytes("10.0.0.1"), out var a));
        Assert.True(pool.TryGet(Bytes("10.0.0.2"), out var b));
        Assert.True(pool.TryGet(Bytes("10.0.0.1"), out var a2));

        Assert.Equal("10.0.0.1", a);
        Assert.Equal("10.0.0.2", b);
        Assert.Same(a, a2);
    }

    [Fact]
    public void TryGet_PoolFull_NewValueIsFalseKnownValueIsStillFound()
    {
        var pool = new Utf8StringPool(maxEntries: 2);
        Assert.True(pool.TryGet(Bytes("a"), out var a));
        Assert.True(pool.TryGet(Bytes("b"), out _));

        Assert.False(pool.TryGet(Bytes("c"), out var c));
        Assert.Null(c);
        Assert.True(pool.TryGet(Bytes("a"), out var a2));
        Assert.Same(a, a2);
        Assert.False(pool.TryGet(Bytes("c"), out _));
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public void TryGet_LongerThanMaxLength_IsFalseAndNotAdded()
    {
        var pool = new Utf8StringPool(maxLength: 4);

        Assert.True(pool.TryGet(Bytes("abcd"), out var fits));
        Assert.False(pool.TryGet(Bytes("abcde"), out var tooLong));

        Assert.Equal("abcd", fits);
        Assert.Null(tooLong);
        Assert.Equal(1, pool.Count);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0xA9 })]
    [InlineData(new byte[] { 0x61, 0xFF })]
    [InlineData(new byte[] { 0x80 })]
    public void TryGet_NonAscii_IsFalseAndNotAdded(byte[] bytes)
    {
        var pool = new Utf8StringPool();

        Assert.False(pool.TryGet(bytes, out var value));

        Assert.Null(value);
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void TryGet_NonAsciiAfterAHitOfTheSameLength_IsFalse()
    {
        var pool = new Utf8StringPool();
        Assert.True(pool.TryGet(Bytes("ab"), out _));

        Assert.False(pool.TryGet([0xC3, 0xA9], out _));
        Assert.False(pool.TryGet([(byte)'a', 0xE2], out _));
    }

    [Fact]
    public void TryGet_EmptyValue_IsTheEmptyString()
    {
        var pool = new Utf8StringPool();

        Assert.True(pool.TryGet([], out var value));

        Assert.Equal("", value);
    }

    [Fact]
    public void TryGet_ThousandsOfValues_AllSurviveGrowthAsTheSameInstances()
    {
        const int n = 20_000;
        var pool = new Utf8StringPool(maxEntries: n);
        var first = new string[n];
        for (var i = 0; i < n; i++)
            Assert.True(pool.TryGet(Bytes($"eni-{i:x17}"), out first[i]), $"add {i}");

        for (var i = n - 1; i >= 0; i--)
        {
            Assert.True(pool.TryGet(Bytes($"eni-{i:x17}"), out var again), $"find {i}");
            Assert.Same(first[i], again);
            Assert.Equal($"eni-{i:x17}", again);
        }
        Assert.Equal(n, pool.Count);
        Assert.Equal(n, first.Distinct().Count());
        Assert.False(pool.TryGet(Bytes("one-more"), out _));
    }

    [Fact]
    public void TryGet_ValuesSharingEightBytePrefixesAndLengths_AreKeptApart()
    {
        var pool = new Utf8StringPool();
        var values = Enumerable.Range(0, 3000).Select(i => $"172.31.{i / 256}.{i % 256}").ToList();
        var pooled = values.Select(v => Assert.IsType<string>(Get(pool, v))).ToList();

        for (var i = 0; i < values.Count; i++)
            Assert.Same(pooled[i], Get(pool, values[i]));
        Assert.Equal(values, pooled);
    }

    [Fact]
    public void TryGet_ValuesOfEveryLengthDifferingInOneByte_AreKeptApart()
    {
        // Hashing reads 8, 4 or single bytes, the last 8 overlapping: a difference anywhere must still tell values apart.
        var pool = new Utf8StringPool();
        var values = new List<string>();
        for (var length = 1; length <= 40; length++)
            for (var at = 0; at < length; at++)
                values.Add(new string('a', at) + 'b' + new string('a', length - at - 1));
        values.AddRange(Enumerable.Range(1, 40).Select(n => new string('a', n)));
        var pooled = values.Select(v => Assert.IsType<string>(Get(pool, v))).ToList();

        for (var i = 0; i < values.Count; i++)
            Assert.Same(pooled[i], Get(pool, values[i]));
        Assert.Equal(values, pooled);
        Assert.Equal(values.Count, pool.Count);
    }

    private static string? Get(Utf8StringPool pool, string value) =>
        pool.TryGet(Bytes(value), out var s) ? s : null;
}
