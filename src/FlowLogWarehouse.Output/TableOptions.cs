namespace FlowLogWarehouse.Output;

/// <summary>Limits that keep a <see cref="TableRenderer"/> table readable and its memory bounded.</summary>
public sealed record TableOptions
{
    public static TableOptions Default { get; } = new();

    /// <summary>
    /// Rows shown; the table holds them all to size its columns, and reads no further. Machine formats have no
    /// such limit. Default 10,000.
    /// </summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>Longer names and values are cut to this many characters, the last an ellipsis. Default 60.</summary>
    public int MaxCellWidth { get; init; } = 60;
}
