using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Core.Tests.Parsing;

/// <summary>The separator mask gives the tokens a plain byte-by-byte split gives, across 64-byte words and line ends.</summary>
public class SeparatorsTest
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2024)]
    public void Tokens_RandomLinesOfEveryLength_AreThoseOfAByteByByteSplit(int seed)
    {
        var random = new Random(seed);
        byte[] alphabet = [(byte)' ', (byte)'\t', (byte)'a', (byte)'1', (byte)'-', 0x80, 0xFF, (byte)'\n'];
        for (var length = 0; length <= 300; length++)
        {
            for (var repeat = 0; repeat < 20; repeat++)
            {
                var line = new byte[length];
                // Few separators in some lines (long tokens across words), many in others (long runs of them).
                var separatorShare = random.NextDouble();
                for (var i = 0; i < length; i++)
                    line[i] = random.NextDouble() < separatorShare ? alphabet[random.Next(2)] : alphabet[2 + random.Next(alphabet.Length - 2)];

                Assert.Equal(Split(line), Tokens(line));
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a")]
    [InlineData(" a ")]
    [InlineData("\ta\t\tb")]
    public void Tokens_ShortLines_AreThoseOfAByteByByteSplit(string text)
    {
        var line = System.Text.Encoding.ASCII.GetBytes(text);

        Assert.Equal(Split(line), Tokens(line));
    }

    [Fact]
    public void Tokens_LineEndingExactlyAtAWordBoundary_EndsItsLastToken()
    {
        var line = new byte[128];
        Array.Fill(line, (byte)'x');
        line[63] = (byte)' ';

        Assert.Equal([(0, 63), (64, 128)], Tokens(line));
    }

    private static List<(int Start, int End)> Tokens(byte[] line)
    {
        var mask = new ulong[(line.Length >> 6) + 1];
        Separators.Find(line, mask);
        var tokens = new List<(int, int)>();
        var pos = 0;
        while (true)
        {
            pos = Separators.NextToken(mask, pos, line.Length);
            if (pos >= line.Length)
                return tokens;
            var start = pos;
            pos = Separators.NextSeparator(mask, pos);
            tokens.Add((start, pos));
        }
    }

    private static List<(int Start, int End)> Split(byte[] line)
    {
        var tokens = new List<(int, int)>();
        var pos = 0;
        while (true)
        {
            while (pos < line.Length && line[pos] is (byte)' ' or (byte)'\t')
                pos++;
            if (pos >= line.Length)
                return tokens;
            var start = pos;
            while (pos < line.Length && line[pos] is not ((byte)' ' or (byte)'\t'))
                pos++;
            tokens.Add((start, pos));
        }
    }
}
