using System.Text;
using FlowLogWarehouse.Core.Catalog;

namespace FlowLogWarehouse.Core.Formats;

/// <summary>The ordered fields of a flow log's records: from a header line, a LogFormat string or the default.</summary>
public sealed class FlowLogFormat : IEquatable<FlowLogFormat>
{
    private FlowLogFormat(IReadOnlyList<FlowLogField> fields)
    {
        Fields = fields;
        Text = string.Join(' ', fields.Select(f => f.Name));
    }

    public IReadOnlyList<FlowLogField> Fields { get; }

    /// <summary>Field names separated by single spaces, as in an S3 header line.</summary>
    public string Text { get; }

    /// <summary>The LogFormat string in AWS syntax (<c>${version} ${account-id} …</c>).</summary>
    public string AwsSyntax => string.Join(' ', Fields.Select(f => "${" + f.Name + "}"));

    public IEnumerable<FlowLogField> UnknownFields => Fields.Where(f => !f.IsKnown);

    public static FlowLogFormat Default { get; } = new(FieldCatalog.DefaultFormat);

    /// <summary>
    /// Parses a format given by a person: AWS syntax (<c>${srcaddr} ${dstaddr}</c>) or plain names separated by
    /// spaces or commas. A name the catalog lacks is kept as a text column unless it is within an edit or two of a
    /// known one (see <see cref="FieldCatalog.TypoCandidates"/>).
    /// </summary>
    public static FlowLogFormat Parse(string text)
    {
        var names = SplitNames(text);
        if (names.Count == 0)
            throw new FlowLogFormatException($"The format '{text}' names no fields.");
        var fields = new List<FlowLogField>(names.Count);
        foreach (var name in names)
        {
            if (!IsFieldName(name))
                throw new FlowLogFormatException($"The format '{text}' has '{name}', which is not a field name (lower-case letters, digits and '-').");
            if (FieldCatalog.TryGet(name, out var known))
            {
                fields.Add(known);
                continue;
            }
            var close = FieldCatalog.TypoCandidates(name);
            if (close.Count > 0)
                throw new FlowLogFormatException($"The format names '{name}', which is not a known field. Did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?");
            fields.Add(FlowLogField.Unknown(name));
        }
        return Create(fields, text);
    }

    /// <summary>
    /// Recognises an S3 header line: every token is a field name, none twice, and at least one is a catalog field or a
    /// Transit Gateway field (whose headers may name no VPC flow log field at all).
    /// </summary>
    public static bool TryParseHeader(ReadOnlySpan<byte> line, out FlowLogFormat format)
    {
        format = null!;
        var text = Encoding.ASCII.GetString(line.TrimEnd((byte)'\r'));
        var names = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0 || !names.All(IsFieldName))
            return false;
        var fields = new List<FlowLogField>(names.Length);
        var anyKnown = false;
        foreach (var name in names)
        {
            if (FieldCatalog.TryGet(name, out var known))
            {
                anyKnown = true;
                fields.Add(known);
            }
            else
            {
                anyKnown |= IsTransitGatewayFieldName(name);
                fields.Add(FlowLogField.Unknown(name));
            }
        }
        if (!anyKnown || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            return false;
        format = new FlowLogFormat(fields);
        return true;
    }

    /// <summary>A format made of catalog fields, for generated data and tests.</summary>
    public static FlowLogFormat Of(IEnumerable<FlowLogField> fields) => Create(fields.ToList(), "(fields)");

    private static FlowLogFormat Create(List<FlowLogField> fields, string text)
    {
        var duplicate = fields.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new FlowLogFormatException($"The format '{text}' names '{duplicate.Key}' more than once.");
        return new FlowLogFormat(fields);
    }

    internal static List<string> SplitNames(string text)
    {
        var names = new List<string>();
        foreach (var token in text.Split([' ', '\t', ',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token;
            if (name.StartsWith("${", StringComparison.Ordinal) && name.EndsWith('}'))
                name = name[2..^1];
            names.Add(name.Trim());
        }
        return names;
    }

    /// <summary>
    /// resource-type, tgw-* and packets-lost-* (DESIGN: Transit Gateway records), letters and hyphens only: a value
    /// such as tgw-0abc12345def67890 or tgw-attach-0abc12345def67890 carries digits and is not taken for a name.
    /// </summary>
    private static bool IsTransitGatewayFieldName(string name)
    {
        if (name != "resource-type"
            && !name.StartsWith("tgw-", StringComparison.Ordinal)
            && !name.StartsWith("packets-lost-", StringComparison.Ordinal))
            return false;
        foreach (var c in name)
            if (c is not ((>= 'a' and <= 'z') or '-'))
                return false;
        return true;
    }

    internal static bool IsFieldName(string name)
    {
        if (name.Length == 0 || name[0] is < 'a' or > 'z')
            return false;
        foreach (var c in name)
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                return false;
        return true;
    }

    public bool Equals(FlowLogFormat? other) => other is not null && Text == other.Text;

    public override bool Equals(object? obj) => Equals(obj as FlowLogFormat);

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;
}
