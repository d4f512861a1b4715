namespace FlowLogWarehouse.Output;

/// <summary>How a query result is written: see <see cref="ResultWriter"/>.</summary>
public enum OutputFormat
{
    /// <summary>An aligned table for people: thousands separators, byte sizes, cut long text.</summary>
    Table,

    /// <summary>RFC 4180 CSV with a header row; exact values.</summary>
    Csv,

    /// <summary>A JSON array of objects, one per row; exact values.</summary>
    Json,

    /// <summary>A zstd Parquet file, one typed column per result column.</summary>
    Parquet,

    /// <summary>A line or bar chart as a PNG image.</summary>
    Png,
}

/// <summary>The names users type for <see cref="OutputFormat"/>s.</summary>
public static class OutputFormats
{
    /// <summary>table, csv, json, parquet, png: in the order of <see cref="OutputFormat"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<OutputFormat>().Select(Name).ToArray();

    /// <summary>The lower-case name of <paramref name="format"/>, as <see cref="Parse"/> accepts it.</summary>
    public static string Name(this OutputFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>Parquet and PNG are bytes, not text: they go to a file, never to a terminal.</summary>
    public static bool IsBinary(this OutputFormat format) => format is OutputFormat.Parquet or OutputFormat.Png;

    /// <summary>The format named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is none of <see cref="Names"/>; the message lists them.</exception>
    public static OutputFormat Parse(string name)
    {
        foreach (var format in Enum.GetValues<OutputFormat>())
            if (string.Equals(name.Trim(), Name(format), StringComparison.OrdinalIgnoreCase))
                return format;
        throw new ArgumentException($"unknown output format '{name}': use one of {string.Join(", ", Names)}", nameof(name));
    }
}
