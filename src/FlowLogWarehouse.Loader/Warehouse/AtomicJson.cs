using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>JSON files that are either wholly there or not: written to a temporary name, flushed to disk, renamed.</summary>
internal static class AtomicJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write<T>(string path, T value)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, value, Options);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return Read<T>(stream, path);
    }

    public static T Read<T>(Stream stream, string name) =>
        JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidDataException($"{name} holds no JSON value.");
}
