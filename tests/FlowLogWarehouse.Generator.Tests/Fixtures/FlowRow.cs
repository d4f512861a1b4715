using System.Net;
using System.Net.Sockets;
using System.Text;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Generator.Tests.Fixtures;

/// <summary>A generated record, checked by Core's <see cref="LineParser"/>, with its values by field name.</summary>
public sealed class FlowRow
{
    private readonly IReadOnlyDictionary<string, int> _ordinals;
    private readonly string[] _values;

    private FlowRow(IReadOnlyDictionary<string, int> ordinals, string[] values, LogFile file)
    {
        _ordinals = ordinals;
        _values = values;
        File = file;
    }

    public LogFile File { get; }

    public string this[string field] => _values[_ordinals[field]];

    public long Number(string field) => long.Parse(this[field], System.Globalization.CultureInfo.InvariantCulture);

    public bool IsDash(string field) => this[field] == "-";

    public IReadOnlyList<string> Values => _values;

    /// <summary>
    /// Every record of <paramref name="files"/> in <paramref name="format"/>; fails the test on the first line that
    /// Core's parser rejects or whose field count differs from the format's.
    /// </summary>
    public static IReadOnlyList<FlowRow> ParseAll(IEnumerable<LogFile> files, FlowLogFormat format)
    {
        var schema = BatchSchema.Union([format]);
        var parser = new LineParser(format, schema);
        var numbers = new long[schema.NumericSlots];
        var strings = new StringValue[schema.StringSlots];
        var ordinals = format.Fields.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var rows = new List<FlowRow>();
        foreach (var file in files)
        {
            foreach (var line in file.Records)
            {
                if (!parser.TryParse(Encoding.UTF8.GetBytes(line), numbers, strings, out var error))
                {
                    var (field, value, reason) = parser.Describe(error, Encoding.UTF8.GetBytes(line));
                    Assert.Fail($"{file.RelativePath}: {field} '{value}' {reason}\n{line}");
                }
                var values = line.Split(' ');
                Assert.Equal(format.Fields.Count, values.Length);
                rows.Add(new FlowRow(ordinals, values, file));
            }
        }
        return rows;
    }

    /// <summary>True for addresses inside the synthetic VPC's IPv4 range 10.0.0.0/16.</summary>
    public static bool InVpc(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork
        && ip.GetAddressBytes() is [10, 0, _, _];

    /// <summary>A public (internet) address: parses, and is neither in the VPC nor private.</summary>
    public static bool IsInternet(string address) =>
        IPAddress.TryParse(address, out var ip) && !InVpc(address)
        && !(ip.AddressFamily == AddressFamily.InterNetwork && ip.GetAddressBytes() is [10, ..] or [192, 168, ..] or [172, >= 16 and < 32, ..] or [127, ..]);
}
