using System.Globalization;
using System.Text;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Conformance.Tests.Corpus;

/// <summary>A corpus line run through the Core line parser, its values readable by AWS field name.</summary>
internal sealed class ParsedRecord
{
    private readonly BatchSchema _schema;
    private readonly byte[] _line;
    private readonly long[] _numbers;
    private readonly StringValue[] _strings;

    private ParsedRecord(FlowLogFormat format, string line)
    {
        Format = format;
        _schema = BatchSchema.Union([format]);
        Parser = new LineParser(format, _schema);
        _line = Encoding.UTF8.GetBytes(line);
        _numbers = new long[_schema.NumericSlots];
        _strings = new StringValue[_schema.StringSlots];
        Ok = Parser.TryParse(_line, _numbers, _strings, out var error);
        Error = error;
    }

    public FlowLogFormat Format { get; }

    public LineParser Parser { get; }

    public bool Ok { get; }

    public ParseError Error { get; }

    public static ParsedRecord Parse(FlowLogFormat format, string line) => new(format, line);

    /// <summary>"field: 'value' reason" for a line that failed, as the loader would quarantine it.</summary>
    public string Reason
    {
        get
        {
            if (Ok)
                return "parsed";
            var (name, value, reason) = Parser.Describe(Error, _line);
            return name is null ? reason : $"{name}: '{value}' {reason}";
        }
    }

    public FlowLogField? Field(string name) => _schema.Find(name)?.Field;

    /// <summary>The value of a field the format has: long for numeric fields, string for text ones, null for '-'.</summary>
    public object? Value(string name)
    {
        var column = _schema.Find(name) ?? throw new ArgumentException($"The format '{Format}' has no field '{name}'.", nameof(name));
        if (column.IsNumeric)
        {
            var n = _numbers[column.Slot];
            return n == LineParser.Null ? null : n;
        }
        var s = _strings[column.Slot];
        return s.IsNull ? null : s.Constant ?? Encoding.UTF8.GetString(_line, s.Start, s.Length);
    }

    public static string Show(object? value) => value switch
    {
        null => "null",
        long n => n.ToString(CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        _ => value.ToString() ?? "",
    };
}
