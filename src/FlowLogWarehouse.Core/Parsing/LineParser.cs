using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Core.Parsing;

/// <summary>
/// Parses one flow log line (UTF-8, without its line ending) of one format into the slots of a batch schema.
/// Built once per (format, schema); the hot loop allocates nothing.
/// </summary>
public sealed class LineParser
{
    /// <summary>Numeric slots hold -1 for null: every valid value is non-negative.</summary>
    public const long Null = -1;

    /// <summary>Above this a start/end value is taken as milliseconds (1e11 s is the year 5138).</summary>
    private const long MillisecondThreshold = 99_999_999_999;

    private enum Kind : byte { Number, EpochSeconds, Text, Enforced, PartitionText }

    private readonly Kind[] _kinds;
    private readonly int[] _slots;
    private readonly long[] _min;
    private readonly long[] _max;
    private readonly byte[][][] _allowedUtf8;
    private readonly string[][] _allowed;
    private readonly int _numericSlots;
    private readonly int _stringSlots;

    public LineParser(FlowLogFormat format, BatchSchema schema)
    {
        Format = format;
        var n = format.Fields.Count;
        _kinds = new Kind[n];
        _slots = new int[n];
        _min = new long[n];
        _max = new long[n];
        _allowedUtf8 = new byte[n][][];
        _allowed = new string[n][];
        _numericSlots = schema.NumericSlots;
        _stringSlots = schema.StringSlots;
        for (var i = 0; i < n; i++)
        {
            var field = format.Fields[i];
            var column = schema.Find(field.Name)
                ?? throw new ArgumentException($"The batch schema lacks field '{field.Name}' of format '{format}'.", nameof(schema));
            _slots[i] = column.Slot;
            _min[i] = field.Min ?? 0;
            _max[i] = field.Max ?? long.MaxValue;
            _allowed[i] = [.. field.Allowed];
            _allowedUtf8[i] = field.Allowed.Select(Encoding.ASCII.GetBytes).ToArray();
            _kinds[i] = field.Type switch
            {
                FieldType.String when field.Enforced => Kind.Enforced,
                FieldType.String when field.PartitionRole is not null => Kind.PartitionText,
                FieldType.String => Kind.Text,
                _ when field.IsEpochSeconds => Kind.EpochSeconds,
                _ => Kind.Number,
            };
        }
    }

    public FlowLogFormat Format { get; }

    public int FieldCount => _kinds.Length;

    /// <summary>
    /// Splits on runs of spaces or tabs; a token starting with '#' after the first field starts a comment.
    /// On success every slot of the schema is set (null where this format lacks the field).
    /// </summary>
    [SkipLocalsInit]
    public bool TryParse(ReadOnlySpan<byte> line, Span<long> numbers, Span<StringValue> strings, out ParseError error)
    {
        numbers[.._numericSlots].Fill(Null);
        strings[.._stringSlots].Clear();
        // Separators are found for the whole line at once (16 bytes per compare), then tokens are read off the bit mask:
        // the byte-at-a-time scan this replaced was a third of the parser's time.
        var words = (line.Length >> 6) + 1;
        var separators = words <= MaxStackWords ? stackalloc ulong[MaxStackWords] : new ulong[words];
        separators = separators[..words];
        Separators.Find(line, separators);
        // One check of the whole line spares each text field its own UTF-8 validation in the usual, all-ASCII case.
        var ascii = Ascii.IsValid(line);
        var firstError = default(ParseError);
        var count = _kinds.Length;
        var field = 0;
        var pos = 0;
        var end = line.Length;
        while (true)
        {
            pos = Separators.NextToken(separators, pos, end);
            if (pos >= end)
                break;
            if (line[pos] == (byte)'#' && field > 0)
                break;
            var start = pos;
            pos = Separators.NextSeparator(separators, pos);
            if (field < count && firstError.Kind == ParseErrorKind.None)
            {
                var kind = ParseField(field, line, start, pos - start, ascii, numbers, strings);
                if (kind != ParseErrorKind.None)
                    firstError = new ParseError(kind, field, start, pos - start, 0);
            }
            field++;
        }
        if (field != count)
        {
            error = new ParseError(ParseErrorKind.FieldCount, -1, 0, line.Length, field);
            return false;
        }
        error = firstError;
        return firstError.Kind == ParseErrorKind.None;
    }

    /// <summary>Lines up to this many 64-byte words (8 KiB) keep their separator mask on the stack.</summary>
    private const int MaxStackWords = 128;

    private ParseErrorKind ParseField(int field, ReadOnlySpan<byte> line, int start, int length, bool asciiLine, Span<long> numbers, Span<StringValue> strings)
    {
        var token = line.Slice(start, length);
        if (length == 1 && token[0] == (byte)'-')
            return ParseErrorKind.None;
        var slot = _slots[field];
        switch (_kinds[field])
        {
            case Kind.Number:
            case Kind.EpochSeconds:
            {
                if (!TryParseDigits(token, out var value, out var overflow))
                    return overflow ? ParseErrorKind.OutOfRange : ParseErrorKind.NotAnInteger;
                if (_kinds[field] == Kind.EpochSeconds && value > MillisecondThreshold)
                    value /= 1000;
                if (value < _min[field] || value > _max[field])
                    return ParseErrorKind.OutOfRange;
                numbers[slot] = value;
                return ParseErrorKind.None;
            }
            case Kind.Enforced:
            {
                var allowed = _allowedUtf8[field];
                for (var i = 0; i < allowed.Length; i++)
                {
                    if (token.SequenceEqual(allowed[i]))
                    {
                        strings[slot] = new StringValue { Start = start, Length = length, Constant = _allowed[field][i] };
                        return ParseErrorKind.None;
                    }
                }
                return ParseErrorKind.NotAllowed;
            }
            case Kind.PartitionText:
                if (!IsPartitionSafe(token))
                    return ParseErrorKind.InvalidPartitionValue;
                strings[slot] = new StringValue { Start = start, Length = length };
                return ParseErrorKind.None;
            default:
                if (!asciiLine && !Utf8.IsValid(token))
                    return ParseErrorKind.InvalidUtf8;
                strings[slot] = new StringValue { Start = start, Length = length };
                return ParseErrorKind.None;
        }
    }

    /// <summary>Plain ASCII digits only: no sign, no spaces, no separators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseDigits(ReadOnlySpan<byte> token, out long value, out bool overflow)
    {
        value = 0;
        overflow = false;
        if (token.Length == 0)
            return false;
        // Leading zeros add no digits: 000000000000000000042 is 42, not an overflow.
        var first = 0;
        while (first < token.Length && token[first] == (byte)'0')
            first++;
        ulong v = 0;
        for (var i = first; i < token.Length; i++)
        {
            var d = (uint)(token[i] - (byte)'0');
            if (d > 9)
                return false;
            v = v * 10 + d; // wraps past 20 digits, which are refused below anyway
        }
        // 19 digits always fit a ulong, so v is exact whenever the count passes.
        if (token.Length - first > 19 || v > long.MaxValue)
        {
            overflow = true;
            return false;
        }
        value = (long)v;
        return true;
    }

    private static readonly SearchValues<byte> PartitionSafeBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"u8);

    /// <summary>Account and region name directories: letters, digits, '-' and '_' only, so no value can escape the warehouse.</summary>
    public static bool IsPartitionSafe(string value) =>
        value.Length <= 64 && Ascii.IsValid(value) && IsPartitionSafe(Encoding.ASCII.GetBytes(value));

    public static bool IsPartitionSafe(ReadOnlySpan<byte> value) =>
        value.Length is > 0 and <= 64 && !value.ContainsAnyExcept(PartitionSafeBytes);

    /// <summary>The field, value and reason of a bad line, in words (cold path).</summary>
    public (string? Field, string Value, string Reason) Describe(in ParseError error, ReadOnlySpan<byte> line)
    {
        if (error.Kind == ParseErrorKind.FieldCount)
            return (null, "", FieldCountReason(Format, error.FieldsFound));
        var field = Format.Fields[error.FieldIndex];
        var value = Encoding.UTF8.GetString(line.Slice(error.ValueStart, error.ValueLength));
        return (field.Name, value, Reason(field, error.Kind));
    }

    /// <summary>Why a line of <paramref name="format"/> with <paramref name="found"/> fields is bad.</summary>
    public static string FieldCountReason(FlowLogFormat format, int found) => $"{FieldCountReasonPrefix(format)}{found}";

    /// <summary>The words before the count found, for a converter that appends the count itself (Athena SQL).</summary>
    public static string FieldCountReasonPrefix(FlowLogFormat format) => $"expected {format.Fields.Count} fields ({format.Text}), found ";

    /// <summary>Why a value of <paramref name="field"/> is bad; one wording wherever lines are checked.</summary>
    public static string Reason(FlowLogField field, ParseErrorKind kind) => kind switch
    {
        ParseErrorKind.NotAnInteger when field.Name is "srcport" or "dstport" => "is not a port (0..65535)",
        ParseErrorKind.NotAnInteger => "is not a whole number",
        ParseErrorKind.OutOfRange when field.Name is "srcport" or "dstport" => "is not a port (0..65535)",
        ParseErrorKind.OutOfRange when field.IsEpochSeconds => "is not a time in epoch seconds or milliseconds up to the year 9999",
        ParseErrorKind.OutOfRange => $"is out of range ({field.Min ?? 0}..{field.Max ?? long.MaxValue})",
        ParseErrorKind.NotAllowed => $"is not one of {string.Join(", ", field.Allowed)}",
        ParseErrorKind.InvalidUtf8 => "is not valid UTF-8 text",
        ParseErrorKind.InvalidPartitionValue => "cannot name a partition (letters, digits, '-' and '_' only, at most 64)",
        _ => kind.ToString(),
    };

    /// <summary>Start/end values above this are milliseconds; shared with converters that check lines elsewhere.</summary>
    public static long MillisecondsAbove => MillisecondThreshold;
}
