using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Loader.Sources;

namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>
/// Looks at the start of a source to decide its kind and format: the header line when there is one (S3 delivery),
/// else the configured format; a Parquet file's own columns. Reads at most 64 KiB of decompressed text.
/// </summary>
internal static class SourceProbe
{
    private const int ProbeBytes = 64 * 1024;

    public static SourcePlan Probe(SourceFile source, SourceOpener opener, FlowLogFormat configured)
    {
        using var stream = opener.Open(source, forProbe: true);
        return Probe(source, stream, configured, cutHead: false);
    }

    /// <summary>
    /// Probes decoded bytes. <paramref name="cutHead"/>: they are the head of a larger object (S3), so decompression
    /// may end in an error at the cut, which only means the head is over.
    /// </summary>
    public static SourcePlan Probe(SourceFile source, Stream decoded, FlowLogFormat configured, bool cutHead)
    {
        var buffer = new byte[ProbeBytes];
        // Parquet has no header line: its columns are its format, so line N of the accounting is row N.
        if (decoded is ParquetTextStream parquet)
            return new SourcePlan(source, InputKind.Parquet, parquet.Format, HasHeader: false);
        var length = cutHead ? ReadHead(decoded, buffer) : decoded.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Classify(source, buffer.AsSpan(0, length), configured);
    }

    private static int ReadHead(Stream decoded, byte[] buffer)
    {
        var length = 0;
        while (length < buffer.Length)
        {
            int n;
            try
            {
                n = decoded.Read(buffer, length, buffer.Length - length);
            }
            catch (InvalidDataException) when (length > 0)
            {
                break;
            }
            if (n == 0)
                break;
            length += n;
        }
        return length;
    }

    internal static SourcePlan Classify(SourceFile source, ReadOnlySpan<byte> head, FlowLogFormat configured)
    {
        var rest = SkipBom(head);
        var firstNonSpace = rest.IndexOfAnyExcept(" \t\r\n"u8);
        if (firstNonSpace >= 0 && rest[firstNonSpace] == (byte)'{')
            return new SourcePlan(source, InputKind.Json, configured, false);

        var format = configured;
        var hasHeader = false;
        var firstLine = NextLine(ref rest);
        if (FlowLogFormat.TryParseHeader(firstLine, out var header))
        {
            format = header;
            hasHeader = true;
        }
        else
        {
            rest = SkipBom(head);
        }

        while (!rest.IsEmpty)
        {
            var line = NextLine(ref rest);
            if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
                continue;
            var kind = StartsWithTimestamp(line) ? InputKind.CloudWatchExport : InputKind.Text;
            return new SourcePlan(source, kind, format, hasHeader);
        }
        return new SourcePlan(source, InputKind.Text, format, hasHeader);
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> span) =>
        span.StartsWith("\xEF\xBB\xBF"u8) ? span[3..] : span;

    private static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> rest)
    {
        var newline = rest.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line;
        if (newline < 0)
        {
            line = rest;
            rest = default;
        }
        else
        {
            line = rest[..newline];
            rest = rest[(newline + 1)..];
        }
        return line.TrimEnd((byte)'\r');
    }

    /// <summary>An ISO-8601 timestamp token such as <c>2024-05-01T12:00:00.000Z</c> at the start of the line.</summary>
    internal static bool StartsWithTimestamp(ReadOnlySpan<byte> line)
    {
        if (line.Length < 17)
            return false;
        static bool D(byte b) => (uint)(b - '0') <= 9;
        return D(line[0]) && D(line[1]) && D(line[2]) && D(line[3]) && line[4] == '-' && D(line[5]) && D(line[6])
            && line[7] == '-' && D(line[8]) && D(line[9]) && line[10] == 'T' && D(line[11]) && D(line[12]) && line[13] == ':'
            && D(line[14]) && D(line[15]);
    }
}
