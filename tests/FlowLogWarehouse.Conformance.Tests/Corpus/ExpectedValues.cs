using System.Globalization;
using System.Text.Json;
using FlowLogWarehouse.Core.Catalog;

namespace FlowLogWarehouse.Conformance.Tests.Corpus;

/// <summary>
/// Compares a parsed record with a source's expected output by meaning: sources write numbers as integers or strings,
/// times as epoch seconds, epoch milliseconds or ISO-8601 UTC, and leave out fields they read as '-'.
/// </summary>
internal static class ExpectedValues
{
    /// <summary>
    /// OpenTelemetry maps some fields to attributes of another shape, kept in expected_extra; the field is then absent
    /// from expected although the line has a value. Each entry turns the extra into our value, as text.
    /// </summary>
    private static readonly (string Field, string Extra, Func<string, string?> ToValue)[] ExtrasCarryingAField =
    [
        ("end", "timeUnixNano", nanos => long.TryParse(nanos, NumberStyles.None, CultureInfo.InvariantCulture, out var ns) && ns % 1_000_000_000 == 0
            ? (ns / 1_000_000_000).ToString(CultureInfo.InvariantCulture) : null),
        ("protocol", "network.protocol.name", name => name switch { "icmp" => "1", "tcp" => "6", "udp" => "17", "ipv6-icmp" or "icmpv6" => "58", _ => null }),
        ("type", "network.type", name => name switch { "ipv4" => "IPv4", "ipv6" => "IPv6", _ => null }),
        ("flow-direction", "network.io.direction", name => name switch { "receive" => "ingress", "transmit" => "egress", _ => null }),
    ];

    /// <summary>Every difference between the record and the case's expectations; empty when they agree.</summary>
    public static List<string> Differences(CorpusCase c, ParsedRecord record)
    {
        var differences = new List<string>();
        if (c.Expected is not { } expected)
            return differences;

        foreach (var property in expected.EnumerateObject())
        {
            var field = record.Field(property.Name);
            if (field is null)
            {
                differences.Add($"expected names '{property.Name}', which the format does not have");
                continue;
            }
            var ours = record.Value(property.Name);
            if (!SameMeaning(field, property.Value, ours, out var want))
                differences.Add($"{property.Name}: expected {property.Value.GetRawText()} ({want}), parsed {ParsedRecord.Show(ours)}");
        }

        foreach (var name in c.AbsentInExpected)
        {
            if (expected.TryGetProperty(name, out _))
            {
                differences.Add($"'{name}' is both in expected and in absent_in_expected");
                continue;
            }
            if (record.Field(name) is null)
            {
                differences.Add($"absent_in_expected names '{name}', which the format does not have");
                continue;
            }
            var ours = record.Value(name);
            var carrier = ExtrasCarryingAField.FirstOrDefault(x => x.Field == name);
            if (carrier.Field is not null && c.ExpectedExtra is { } extra && extra.TryGetProperty(carrier.Extra, out var extraValue))
            {
                var want = extraValue.ValueKind == JsonValueKind.String ? carrier.ToValue(extraValue.GetString()!) : null;
                if (want is null)
                    differences.Add($"{name}: expected_extra {carrier.Extra} = {extraValue.GetRawText()} has no known meaning");
                else if (want != AsText(ours))
                    differences.Add($"{name}: expected_extra {carrier.Extra} = {extraValue.GetRawText()} means {want}, parsed {ParsedRecord.Show(ours)}");
                continue;
            }
            if (c.AssertsOnlyExpectedKeys)
                continue;
            if (ours is not null)
                differences.Add($"{name}: absent from expected (the source read '-'), parsed {ParsedRecord.Show(ours)}");
        }
        return differences;
    }

    private static bool SameMeaning(FlowLogField field, JsonElement expected, object? ours, out string want)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            want = "null";
            return ours is null;
        }
        if (field.IsEpochSeconds)
        {
            var seconds = EpochSeconds(expected);
            want = $"{seconds} s";
            return ours is long n && n == seconds;
        }
        if (field.Type != FieldType.String)
        {
            var number = expected.ValueKind == JsonValueKind.Number
                ? expected.GetInt64()
                : long.Parse(expected.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture);
            want = number.ToString(CultureInfo.InvariantCulture);
            return ours is long n && n == number;
        }
        // Text columns, catalog or not (v9-v11 and Transit Gateway fields), keep the raw token: a number in expected
        // must be exactly the text we read.
        want = expected.ValueKind == JsonValueKind.String ? $"\"{expected.GetString()}\"" : $"text \"{expected.GetRawText()}\"";
        var text = expected.ValueKind == JsonValueKind.String ? expected.GetString() : expected.GetRawText();
        return ours is string s && s == text;
    }

    /// <summary>start/end as epoch seconds from epoch seconds, epoch milliseconds (13+ digits) or ISO-8601 UTC.</summary>
    public static long EpochSeconds(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
            return FromEpoch(value.GetInt64());
        var text = value.GetString()!;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            return FromEpoch(epoch);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time.ToUnixTimeSeconds();
        throw new FormatException($"'{text}' is neither an epoch time nor an ISO-8601 time.");
    }

    private static long FromEpoch(long value) => value >= 1_000_000_000_000 ? value / 1000 : value;

    private static string? AsText(object? value) => value switch
    {
        long n => n.ToString(CultureInfo.InvariantCulture),
        string s => s,
        _ => null,
    };
}
