using System.Text;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Core.Tests.Parsing;

/// <summary>A parser for one format plus the slot buffers a loader would own; results are read back by field name.</summary>
internal sealed class ParserHarness
{
    public ParserHarness(FlowLogFormat format, BatchSchema? schema = null)
    {
        Format = format;
        Schema = schema ?? BatchSchema.Union([format]);
        Parser = new LineParser(format, Schema);
    }

    public FlowLogFormat Format { get; }

    public BatchSchema Schema { get; }

    public LineParser Parser { get; }

    public static ParserHarness Default { get; } = new(FlowLogFormat.Default);

    public static ParserHarness For(string format) => new(FlowLogFormat.Parse(format));

    public ParsedLine Parse(string line) => Parse(Encoding.UTF8.GetBytes(line));

    public ParsedLine Parse(byte[] line)
    {
        var numbers = new long[Schema.NumericSlots];
        var strings = new StringValue[Schema.StringSlots];
        var ok = Parser.TryParse(line, numbers, strings, out var error);
        return new ParsedLine(this, line, ok, error, numbers, strings);
    }
}

internal sealed class ParsedLine(ParserHarness harness, byte[] line, bool ok, ParseError error, long[] numbers, StringValue[] strings)
{
    public bool Ok => ok;

    public ParseError Error => error;

    public byte[] Line => line;

    public long[] Numbers => numbers;

    public StringValue[] Strings => strings;

    /// <summary>A numeric field's value; null for '-' or a field the format lacks.</summary>
    public long? Number(string name)
    {
        var column = Column(name);
        Assert.True(column.IsNumeric, $"{name} is not numeric");
        var value = numbers[column.Slot];
        return value == LineParser.Null ? null : value;
    }

    /// <summary>A string field's value as text; null for '-' or a field the format lacks.</summary>
    public string? Text(string name)
    {
        var column = Column(name);
        Assert.False(column.IsNumeric, $"{name} is numeric");
        var value = strings[column.Slot];
        if (value.IsNull)
            return null;
        return value.Constant ?? Encoding.UTF8.GetString(line, value.Start, value.Length);
    }

    /// <summary>The value as text whatever its type, as a person would read it.</summary>
    public string? Value(string name) =>
        Column(name).IsNumeric ? Number(name)?.ToString(System.Globalization.CultureInfo.InvariantCulture) : Text(name);

    public (string? Field, string Value, string Reason) Describe() => harness.Parser.Describe(error, line);

    private SchemaColumn Column(string name) =>
        harness.Schema.Find(name) ?? throw new ArgumentException($"The schema has no field '{name}'.", nameof(name));

    public override string ToString() => ok ? "parsed" : $"failed: {error} {Describe()}";
}
