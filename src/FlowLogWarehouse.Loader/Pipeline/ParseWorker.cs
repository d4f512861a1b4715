using System.Text;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Core.Parsing;
using FlowLogWarehouse.Loader.Decoding;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>
/// One parsing thread: turns a chunk into rows in per-partition buffers, hands them to the accumulator at the end
/// of the chunk (which bounds memory and forms row groups), and quarantines bad lines.
/// </summary>
internal sealed partial class ParseWorker
{
    private readonly BatchSchema _schema;
    private readonly PartitionDefaults _defaults;
    private readonly PartitionGranularity _granularity;
    private readonly PartitionAccumulator _accumulator;
    private readonly QuarantineSink _quarantine;
    private readonly RowBlockPool _blocks;
    private readonly int _rowGroupRows;
    private readonly long[] _numbers;
    private readonly StringValue[] _strings;
    private readonly Utf8StringPool[] _pools;
    private readonly Dictionary<PartitionKey, RowBuffer> _buffers = [];
    private readonly List<QuarantineEntry> _bad = [];
    private PartitionKey _lastKey;
    private RowBuffer? _lastBuffer;
    private byte[] _scratch = new byte[4096];

    public ParseWorker(
        BatchSchema schema, PartitionDefaults defaults, PartitionGranularity granularity, PartitionAccumulator accumulator, QuarantineSink quarantine,
        RowBlockPool blocks, int rowGroupRows)
    {
        _schema = schema;
        _defaults = defaults;
        _granularity = granularity;
        _accumulator = accumulator;
        _quarantine = quarantine;
        _blocks = blocks;
        _rowGroupRows = rowGroupRows;
        _numbers = new long[Math.Max(1, schema.NumericSlots)];
        _strings = new StringValue[Math.Max(1, schema.StringSlots)];
        _pools = new Utf8StringPool[schema.StringSlots];
        // 4,096 values per column and thread: an add-only pool of 16,384 filled up with addresses only on long loads,
        // and made peak RSS 13 MB higher on 50 M lines than on 5 M; 4,096 kept it flat at the same CPU time. A value
        // that finds no room is copied into the buffer's text instead.
        for (var i = 0; i < _pools.Length; i++)
            _pools[i] = new Utf8StringPool(maxEntries: 4_096);
    }

    public void Process(Chunk chunk, CancellationToken cancellationToken)
    {
        var source = chunk.Source;
        var counts = new LineCounts();
        var span = chunk.Buffer.AsSpan(0, chunk.Length);
        var lineNumber = chunk.FirstLineNumber;
        var skipHeader = chunk.SkipFirstLine;
        var kind = source.Plan.Kind;
        while (!span.IsEmpty)
        {
            var newline = span.IndexOf((byte)'\n');
            var line = newline < 0 ? span : span[..newline];
            span = newline < 0 ? default : span[(newline + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
                line = line[..^1];

            if (kind == InputKind.Json && !skipHeader && !IsBlank(line))
            {
                ProcessJsonLine(source, line, lineNumber, ref counts);
            }
            else
            {
                counts.LinesRead++;
                if (skipHeader || IsBlank(line))
                    counts.Skipped++;
                else
                    ProcessRecord(source, line, lineNumber, null, ref counts);
            }
            skipHeader = false;
            lineNumber++;
        }
        source.Add(counts);
        if (_bad.Count > 0)
        {
            _quarantine.Add(_bad);
            _bad.Clear();
        }
        HandOver(cancellationToken);
    }

    /// <summary>Gives this chunk's rows to the accumulator, which owns them from here on.</summary>
    private void HandOver(CancellationToken cancellationToken)
    {
        if (_buffers.Count == 0)
            return;
        _accumulator.Add(_buffers.Values, cancellationToken);
        _buffers.Clear();
        _lastBuffer = null;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0;

    /// <summary>Parses one record (a text line, or one message of a JSON envelope) and files it under its partition.</summary>
    private void ProcessRecord(SourceState source, ReadOnlySpan<byte> record, long lineNumber, int? eventIndex, ref LineCounts counts, long fallbackSeconds = LineParser.Null)
    {
        var line = record;
        if (source.Plan.Kind == InputKind.CloudWatchExport)
        {
            var gap = line.IndexOfAny((byte)' ', (byte)'\t');
            if (!SourceProbe.StartsWithTimestamp(line) || gap < 0)
            {
                Quarantine(source, record, lineNumber, eventIndex, null, null, "expected an ISO-8601 timestamp, a space, then the record (CloudWatch Logs export)", ref counts);
                return;
            }
            line = line[(gap + 1)..];
        }

        if (!source.Parser.TryParse(line, _numbers, _strings, out var error))
        {
            if (line.Trim((byte)' ').SequenceEqual(source.HeaderText))
            {
                counts.Skipped++;
                return;
            }
            var (field, value, reason) = source.Parser.Describe(error, line);
            Quarantine(source, record, lineNumber, eventIndex, field, field is null ? null : value, reason, ref counts);
            return;
        }

        var start = _schema.StartSlot >= 0 ? _numbers[_schema.StartSlot] : LineParser.Null;
        if (start == LineParser.Null && _schema.EndSlot >= 0)
            start = _numbers[_schema.EndSlot];
        if (start == LineParser.Null)
            start = fallbackSeconds;
        long hour;
        if (start != LineParser.Null)
            hour = start / 3600;
        else if (source.Plan.Source.KeyInfo.HourSinceEpoch is { } delivered)
            hour = delivered;
        else
        {
            Quarantine(source, record, lineNumber, eventIndex, null, null, QuarantineReasons.NoTime, ref counts);
            return;
        }

        var account = PartitionValue(_schema.AccountSlot, line) ?? source.Plan.Source.KeyInfo.AccountId ?? _defaults.AccountId;
        var region = PartitionValue(_schema.RegionSlot, line) ?? source.Plan.Source.KeyInfo.Region ?? _defaults.Region;
        var key = new PartitionKey(account, region, _granularity.PartitionStart(hour), _granularity);
        var buffer = _lastBuffer;
        if (buffer is null || !_lastKey.Equals(key))
        {
            if (!_buffers.TryGetValue(key, out buffer))
            {
                buffer = new RowBuffer(key, _blocks, _rowGroupRows);
                _buffers.Add(key, buffer);
            }
            _lastKey = key;
            _lastBuffer = buffer;
        }
        buffer.Append(_numbers, _strings, line, _pools);
        counts.Rows++;
        if (buffer.IsFull)
        {
            _buffers.Remove(key);
            _lastBuffer = null;
            _accumulator.Add([buffer], CancellationToken.None);
        }
    }

    private string? PartitionValue(int slot, ReadOnlySpan<byte> line)
    {
        if (slot < 0 || _strings[slot].IsNull)
            return null;
        var utf8 = line.Slice(_strings[slot].Start, _strings[slot].Length);
        return _pools[slot].TryGet(utf8, out var value) ? value : Encoding.ASCII.GetString(utf8);
    }

    private void Quarantine(SourceState source, ReadOnlySpan<byte> raw, long lineNumber, int? eventIndex, string? field, string? value, string reason, ref LineCounts counts)
    {
        counts.Quarantined++;
        var (text, base64) = QuarantineSink.RawText(raw);
        _bad.Add(new QuarantineEntry(source.Plan.Source.DisplayName, lineNumber, eventIndex, field, value, reason, text, base64));
    }

}

/// <summary>Account and region for records and paths that name neither.</summary>
public sealed record PartitionDefaults(string AccountId, string Region)
{
    public static readonly PartitionDefaults Unknown = new("unknown", "unknown");
}
