using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FlowLogWarehouse.Cli.Output;

/// <summary>Indented JSON on stdout, written by hand so property order and nulls are exactly what the command says.</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // Output for terminals and tools, never embedded in HTML: keep apostrophes, '<' and ${…} readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(json);
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>An array of one object per item; <paramref name="writeProperties"/> writes an item's properties.</summary>
    public static void WriteArray<T>(TextWriter output, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeProperties) => Write(output, json =>
    {
        json.WriteStartArray();
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeProperties(json, item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    /// <summary>A number, or JSON null when there is none: a property present in every item keeps tools simple.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }

    public static void WriteBooleanOrNull(this Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } flag)
            json.WriteBoolean(name, flag);
        else
            json.WriteNull(name);
    }
}
