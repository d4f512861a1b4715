using System.Globalization;
using System.Text;
using System.Text.Unicode;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Core.Tests.Parsing;

/// <summary>
/// Seeded random lines against the parser's invariants. Every assertion message starts with the seed, iteration,
/// format and line, so a failure can be replayed by running the same seed.
/// </summary>
public class LineParserFuzzTest
{
    private const int Iterations = 1500;

    private static readonly FlowLogFormat[] Formats =
    [
        FlowLogFormat.Default,
        FlowLogFormat.Parse("version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status"),
        FlowLogFormat.Parse("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr"),
        FlowLogFormat.Parse("account-id action az-id bytes dstaddr dstport end flow-direction instance-id interface-id log-status packets pkt-dst-aws-service pkt-dstaddr pkt-src-aws-service pkt-srcaddr protocol region srcaddr srcport start sublocation-id sublocation-type subnet-id tcp-flags traffic-path type version vpc-id"),
        FlowLogFormat.Parse("version srcaddr dstaddr srcport dstport protocol start end action log-status reject-reason resource-id encryption-status instance-tag interface-type next-hop-interface-id"),
        FlowLogFormat.Of(FieldCatalog.Fields),
    ];

    /// <summary>One schema for all formats, as a batch over several sources has: a format fills only its own slots.</summary>
    private static readonly BatchSchema Schema = BatchSchema.Union(Formats);

    private static readonly LineParser[] Parsers = Formats.Select(f => new LineParser(f, Schema)).ToArray();

    public static TheoryData<int> Seeds => [1, 42, 20250611];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryParse_RandomBytes_NeverThrowsAndKeepsItsInvariants(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Iterations; i++)
        {
            var parser = Parsers[random.Next(Parsers.Length)];
            var line = RandomBytes(random);
            Check(parser, line, $"seed {seed}, iteration {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryParse_MutatedValidLines_NeverThrowsAndKeepsItsInvariants(int seed)
    {
        var random = new Random(seed);
        var parsed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var parser = Parsers[random.Next(Parsers.Length)];
            var line = Record.Generate(random, parser.Format).Line;
            var mutations = 1 + random.Next(3);
            for (var m = 0; m < mutations; m++)
                line = Mutate(random, line);
            if (Check(parser, line, $"seed {seed}, iteration {i}"))
                parsed++;
        }
        // Both branches of the invariants must have been exercised, or the mutations are too weak or too strong.
        Assert.True(parsed > Iterations / 10 && parsed < Iterations * 9 / 10, $"seed {seed}: {parsed} of {Iterations} mutated lines parsed");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryParse_GeneratedValidRecord_ReadsBackEveryValue(int seed)
    {
        var random = new Random(seed);
        var numbers = new long[Schema.NumericSlots];
        var strings = new StringValue[Schema.StringSlots];
        for (var i = 0; i < Iterations; i++)
        {
            var parser = Parsers[random.Next(Parsers.Length)];
            var record = Record.Generate(random, parser.Format);
            var check = new Checker($"seed {seed}, iteration {i}", parser, record.Line);

            var ok = parser.TryParse(record.Line, numbers, strings, out var error);

            check.That(ok, () => $"failed with {error} {parser.Describe(error, record.Line)}");
            foreach (var column in Schema.Columns)
            {
                var index = IndexIn(parser.Format, column.Field.Name);
                var expected = index < 0 ? null : record.Values[index];
                var actual = column.IsNumeric
                    ? numbers[column.Slot] == LineParser.Null ? null : numbers[column.Slot].ToString(CultureInfo.InvariantCulture)
                    : strings[column.Slot].IsNull ? null : Encoding.UTF8.GetString(record.Line, strings[column.Slot].Start, strings[column.Slot].Length);
                check.That(expected == actual, () => $"{column.Field.Name} is '{actual}', expected '{expected}'");
            }
        }
    }

    /// <summary>Runs one line and checks what must hold whatever the line is; true when it parsed.</summary>
    private static bool Check(LineParser parser, byte[] line, string where)
    {
        var check = new Checker(where, parser, line);
        var numbers = new long[Schema.NumericSlots];
        var strings = new StringValue[Schema.StringSlots];
        var ok = false;
        var error = default(ParseError);
        check.DoesNotThrow("TryParse", () => ok = parser.TryParse(line, numbers, strings, out error));

        var tokens = Tokens(line);
        if (tokens.Count != parser.FieldCount)
        {
            check.That(!ok, () => $"parsed {tokens.Count} tokens as {parser.FieldCount} fields");
            check.That(error.Kind == ParseErrorKind.FieldCount, () => $"{tokens.Count} tokens gave {error.Kind}, not FieldCount");
            check.That(error.FieldsFound == tokens.Count, () => $"FieldsFound {error.FieldsFound}, counted {tokens.Count}");
        }

        if (ok)
            CheckParsed(check, parser, line, tokens, numbers, strings);
        else
            CheckFailed(check, parser, line, tokens, error);
        return ok;
    }

    private static void CheckParsed(Checker check, LineParser parser, byte[] line, List<(int Start, int Length)> tokens, long[] numbers, StringValue[] strings)
    {
        foreach (var column in Schema.Columns)
        {
            var field = column.Field;
            var index = IndexIn(parser.Format, field.Name);
            if (column.IsNumeric)
            {
                var value = numbers[column.Slot];
                check.That(value == LineParser.Null || (value >= field.Min && value <= field.Max),
                    () => $"{field.Name} = {value} is outside [{field.Min}, {field.Max}]");
                check.That(index >= 0 || value == LineParser.Null, () => $"{field.Name} is not in the format but is {value}");
                check.That(index < 0 || !IsDash(line, tokens[index]) || value == LineParser.Null, () => $"{field.Name} is '-' but {value}");
                continue;
            }

            var s = strings[column.Slot];
            if (s.IsNull)
            {
                check.That(s.Constant is null, () => $"null {field.Name} has a constant");
                check.That(index < 0 || IsDash(line, tokens[index]), () => $"{field.Name} is null but its token is not '-'");
                continue;
            }
            check.That(index >= 0, () => $"{field.Name} is not in the format but has a value");
            check.That(s.Start >= 0 && s.Length > 0 && s.Start + s.Length <= line.Length,
                () => $"{field.Name} range [{s.Start}, +{s.Length}) is not inside the line of {line.Length} bytes");
            check.That((s.Start, s.Length) == tokens[index], () => $"{field.Name} range [{s.Start}, +{s.Length}) is not its token {tokens[index]}");
            var bytes = line.AsSpan(s.Start, s.Length);
            check.That(bytes.IndexOfAny((byte)' ', (byte)'\t') < 0, () => $"{field.Name} value contains a separator");
            check.That(!bytes.SequenceEqual("-"u8), () => $"{field.Name} kept '-' as a value");
            check.That(Utf8.IsValid(bytes), () => $"{field.Name} value is not valid UTF-8");
            if (field.Enforced)
            {
                var text = Encoding.ASCII.GetString(bytes);
                check.That(s.Constant is not null && field.Allowed.Contains(s.Constant) && text == s.Constant,
                    () => $"{field.Name} constant '{s.Constant}' does not match its value '{text}'");
            }
            else
            {
                check.That(s.Constant is null, () => $"{field.Name} has a constant");
            }
            if (field.PartitionRole is not null)
                check.That(LineParser.IsPartitionSafe(bytes), () => $"{field.Name} cannot name a partition");
        }
    }

    private static void CheckFailed(Checker check, LineParser parser, byte[] line, List<(int Start, int Length)> tokens, ParseError error)
    {
        check.That(error.IsError, () => "failed without an error kind");
        (string? Field, string Value, string Reason) described = default;
        check.DoesNotThrow($"Describe({error})", () => described = parser.Describe(error, line));
        check.That(!string.IsNullOrWhiteSpace(described.Reason), () => $"Describe({error}) gave no reason");
        if (error.Kind == ParseErrorKind.FieldCount)
        {
            check.That(described.Field is null, () => $"a field count error names field {described.Field}");
            check.That(described.Reason == $"expected {parser.FieldCount} fields ({parser.Format.Text}), found {tokens.Count}",
                () => $"reason '{described.Reason}'");
            return;
        }
        check.That(tokens.Count == parser.FieldCount, () => $"{error.Kind} although the field count is wrong");
        check.That(error.FieldIndex >= 0 && error.FieldIndex < parser.FieldCount, () => $"field index {error.FieldIndex}");
        check.That((error.ValueStart, error.ValueLength) == tokens[error.FieldIndex],
            () => $"error range ({error.ValueStart}, {error.ValueLength}) is not token {tokens[error.FieldIndex]}");
        check.That(described.Field == parser.Format.Fields[error.FieldIndex].Name, () => $"Describe names {described.Field}");
        check.That(described.Value == Encoding.UTF8.GetString(line, error.ValueStart, error.ValueLength), () => $"Describe value '{described.Value}'");
    }

    /// <summary>Fails with seed, iteration, format and line first; messages are built only on failure, which keeps the loops fast.</summary>
    private sealed class Checker(string where, LineParser parser, byte[] line)
    {
        public void That(bool condition, Func<string> what)
        {
            if (!condition)
                Assert.Fail($"{where}, format '{parser.Format.Text}', line \"{Show(line)}\": {what()}");
        }

        public void DoesNotThrow(string call, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                That(false, () => $"{call} threw {e}");
            }
        }
    }

    /// <summary>Tokens as AWS writes them, found independently of the parser: runs of spaces/tabs separate; a '#' token after the first ends the line.</summary>
    private static List<(int Start, int Length)> Tokens(byte[] line)
    {
        var tokens = new List<(int, int)>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is (byte)' ' or (byte)'\t') i++;
            if (i == line.Length || (line[i] == (byte)'#' && tokens.Count > 0))
                return tokens;
            var start = i;
            while (i < line.Length && line[i] is not ((byte)' ' or (byte)'\t')) i++;
            tokens.Add((start, i - start));
        }
    }

    private static bool IsDash(byte[] line, (int Start, int Length) token) => token.Length == 1 && line[token.Start] == (byte)'-';

    private static int IndexIn(FlowLogFormat format, string name)
    {
        for (var i = 0; i < format.Fields.Count; i++)
            if (format.Fields[i].Name == name)
                return i;
        return -1;
    }

    /// <summary>The line with non-printable and non-ASCII bytes as \xNN, so a failure message can be replayed exactly.</summary>
    private static string Show(byte[] line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var b in line)
            sb.Append(b is >= 0x20 and < 0x7F and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        return sb.ToString();
    }

    private static readonly byte[] Alphabet = "0123456789 -\t#.:/abcdefXYZ_-"u8.ToArray();

    private static byte[] RandomBytes(Random random)
    {
        var line = new byte[random.Next(0, 300)];
        for (var i = 0; i < line.Length; i++)
            line[i] = random.Next(2) == 0 ? Alphabet[random.Next(Alphabet.Length)] : (byte)random.Next(256);
        return line;
    }

    private static readonly byte[][] Replacements =
    [
        "-"u8.ToArray(), "-1"u8.ToArray(), "#x"u8.ToArray(), "0"u8.ToArray(),
        "99999999999999999999"u8.ToArray(), "123456789012345678901234567890123456789"u8.ToArray(),
        "9223372036854775808"u8.ToArray(), "18446744073709551615"u8.ToArray(), "4294967296"u8.ToArray(),
        "253402300800000"u8.ToArray(), "70000"u8.ToArray(), "ALLOW"u8.ToArray(), "../x"u8.ToArray(),
        "café"u8.ToArray(), "服务"u8.ToArray(), [0xC3, 0x28], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0x00],
    ];

    private static byte[] Mutate(Random random, byte[] line)
    {
        var list = line.ToList();
        var tokens = Tokens(line);
        switch (random.Next(9))
        {
            case 0 when list.Count > 0:
                list[random.Next(list.Count)] = (byte)random.Next(256);
                break;
            case 1:
                var spaces = list.Select((b, i) => (b, i)).Where(x => x.b == (byte)' ').Select(x => x.i).ToList();
                if (spaces.Count > 0)
                    list.RemoveAt(spaces[random.Next(spaces.Count)]);
                break;
            case 2:
                list.InsertRange(random.Next(list.Count + 1), random.Next(2) == 0 ? " "u8.ToArray() : " \t "u8.ToArray());
                break;
            case 3:
                list = list.Take(random.Next(list.Count + 1)).ToList();
                break;
            case 4 when tokens.Count > 0:
                var (start, length) = tokens[random.Next(tokens.Count)];
                list.InsertRange(start + length, [(byte)' ', .. line.AsSpan(start, length)]);
                break;
            case 5 when tokens.Count > 0:
                var t = tokens[random.Next(tokens.Count)];
                list.RemoveRange(t.Start, t.Length);
                list.InsertRange(t.Start, Replacements[random.Next(Replacements.Length)]);
                break;
            case 6:
                list.Insert(random.Next(list.Count + 1), random.Next(2) == 0 ? (byte)'\r' : (byte)0x80);
                break;
            case 7 when tokens.Count > 0:
                var u = tokens[random.Next(tokens.Count)];
                list.RemoveRange(u.Start, u.Length);
                list.InsertRange(u.Start, Encoding.UTF8.GetBytes(new string('9', 15 + random.Next(30))));
                break;
            default:
                list.AddRange(" #trailing comment"u8.ToArray());
                break;
        }
        return list.ToArray();
    }

    /// <summary>A valid line of a format and the value each field must read back as (null for '-').</summary>
    private sealed record Record(byte[] Line, string?[] Values)
    {
        private const string TextChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/=+@#";
        private const string PartitionChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        private static readonly string[] NonAscii = ["é", "服务", "😀", "ß", "Ω"];

        public static Record Generate(Random random, FlowLogFormat format)
        {
            var sb = new StringBuilder();
            var values = new string?[format.Fields.Count];
            sb.Append(Separator(random, allowEmpty: true));
            for (var i = 0; i < format.Fields.Count; i++)
            {
                if (i > 0)
                    sb.Append(Separator(random, allowEmpty: false));
                var (token, value) = random.Next(10) == 0 ? ("-", null) : Value(random, format.Fields[i]);
                sb.Append(token);
                values[i] = value;
            }
            if (random.Next(8) == 0)
                sb.Append(Separator(random, allowEmpty: false)).Append("#comment 1 2 3");
            sb.Append(Separator(random, allowEmpty: true));
            return new Record(Encoding.UTF8.GetBytes(sb.ToString()), values);
        }

        private static string Separator(Random random, bool allowEmpty)
        {
            var n = allowEmpty ? random.Next(3) : 1 + (random.Next(4) == 0 ? random.Next(3) : 0);
            var sb = new StringBuilder();
            for (var i = 0; i < n; i++)
                sb.Append(random.Next(5) == 0 ? '\t' : ' ');
            return sb.ToString();
        }

        private static (string Token, string Value) Value(Random random, FlowLogField field)
        {
            if (field.Type != FieldType.String)
            {
                if (field.IsEpochSeconds)
                {
                    if (random.Next(2) == 0)
                    {
                        var seconds = random.NextInt64(0, 99_999_999_999 + 1);
                        return (seconds.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture));
                    }
                    var ms = random.NextInt64(100_000_000_000, 253_402_300_799_999 + 1);
                    return (ms.ToString(CultureInfo.InvariantCulture), (ms / 1000).ToString(CultureInfo.InvariantCulture));
                }
                var min = field.Min!.Value;
                var max = field.Max!.Value;
                var v = random.Next(4) switch
                {
                    0 => min,
                    1 => max,
                    2 => Math.Min(max, min + random.Next(100)),
                    _ => max == long.MaxValue ? random.NextInt64(min, long.MaxValue) : random.NextInt64(min, max + 1),
                };
                var text = v.ToString(CultureInfo.InvariantCulture);
                return (text, text);
            }
            if (field.Enforced)
            {
                var allowed = field.Allowed[random.Next(field.Allowed.Count)];
                return (allowed, allowed);
            }
            var chars = field.PartitionRole is null ? TextChars : PartitionChars;
            var limit = field.PartitionRole is null ? 60 : 64;
            var sb = new StringBuilder();
            var length = 1 + random.Next(limit);
            while (sb.Length < length)
            {
                if (field.PartitionRole is null && random.Next(12) == 0)
                    sb.Append(NonAscii[random.Next(NonAscii.Length)]);
                else
                    sb.Append(chars[random.Next(chars.Length)]);
            }
            // '#' would start a comment and a lone '-' means null: neither can begin a text value.
            if (sb[0] == '#' || sb.ToString() == "-")
                sb.Insert(0, 'v');
            var value = sb.ToString();
            if (field.PartitionRole is not null && value.Length > 64)
                value = value[..64];
            return (value, value);
        }
    }
}
