using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output;

/// <summary>
/// A result as a JSON array with one object per row, one row per line:
/// <c>[</c>, <c>{"col":value,…},</c> …, <c>]</c>. Integers and decimals are exact JSON numbers, doubles round-trip,
/// timestamps and dates are ISO strings as in CSV, null is null. Repeated column names get <c>_2</c>, <c>_3</c>….
/// </summary>
public static class JsonRenderer
{
    private const int ChunkBytes = 32 * 1024;

    // Relaxed escaping keeps non-ASCII text readable (é, not \u00E9); it only matters when JSON is pasted into
    // HTML, which this output is not for. Quotes, backslashes and control characters are still escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Streams every row to <paramref name="writer"/>; memory does not grow with the result.</summary>
    public static async Task WriteAsync(
        IReadOnlyList<ResultColumn> columns,
        IAsyncEnumerable<object?[]> rows,
        TextWriter writer,
        CancellationToken cancellationToken = default)
    {
        var names = UniqueNames.For(columns, StringComparer.Ordinal).Select(n => JsonEncodedText.Encode(n, Options.Encoder)).ToArray();
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        // Each row is its own JSON value so this class, not the writer, places the commas and line breaks.
        await using var json = new Utf8JsonWriter(buffer, Options);
        var first = true;
        Append(buffer, "[");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            Append(buffer, first ? "\n" : ",\n");
            first = false;
            json.Reset(buffer);
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                json.WritePropertyName(names[i]);
                WriteValue(json, row[i]);
            }
            json.WriteEndObject();
            json.Flush();
            if (buffer.WrittenCount >= ChunkBytes)
                await DrainAsync(buffer, writer, cancellationToken);
        }
        Append(buffer, first ? "]\n" : "\n]\n");
        await DrainAsync(buffer, writer, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            // JSON has no NaN or infinity; System.Text.Json's named literals write them as these strings.
            case double d when !double.IsFinite(d):
                json.WriteStringValue(MachineText.Format(d));
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            default:
                json.WriteStringValue(MachineText.Format(value));
                break;
        }
    }

    private static void Append(ArrayBufferWriter<byte> buffer, string ascii)
    {
        var written = Encoding.ASCII.GetBytes(ascii, buffer.GetSpan(ascii.Length));
        buffer.Advance(written);
    }

    // Rows are flushed whole, so a chunk never ends inside a multi-byte character.
    private static async Task DrainAsync(ArrayBufferWriter<byte> buffer, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken);
        buffer.ResetWrittenCount();
    }
}
