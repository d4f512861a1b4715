namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>
/// The storage of a warehouse, local directory or S3 prefix, as the commit protocol needs it. Paths are relative to
/// the root with '/' separators. Batches are staged in a local folder and published whole: renamed locally, uploaded
/// to S3 (an object appears whole or not at all). Opening a store takes its lock: one load at a time.
/// </summary>
internal interface IWarehouseStore : IAsyncDisposable
{
    /// <summary>The root as users name it: a full path or an s3:// address.</summary>
    string Root { get; }

    /// <summary>Local folder under which each batch is staged in a folder of its own.</summary>
    string StagingRoot { get; }

    /// <summary>Removes what an interrupted load left outside the commit protocol: staging folders, temporary files.</summary>
    Task CleanLeftoversAsync(CancellationToken cancellationToken);

    /// <summary>Relative paths of the JSON files directly in <paramref name="folder"/>, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListJsonAsync(string folder, CancellationToken cancellationToken);

    /// <summary>The value in a JSON file, or null when there is no such file.</summary>
    Task<T?> ReadJsonAsync<T>(string relative, CancellationToken cancellationToken) where T : class;

    /// <summary>Writes a JSON file wholly or not at all.</summary>
    Task WriteJsonAsync<T>(string relative, T value, CancellationToken cancellationToken);

    /// <summary>Makes staged local files part of the warehouse at the given relative paths; the local files are consumed.</summary>
    Task PublishAsync(IReadOnlyList<StagedFile> files, CancellationToken cancellationToken);

    /// <summary>Deletes files that exist; returns how many did.</summary>
    Task<int> DeleteAsync(IReadOnlyList<string> relatives, CancellationToken cancellationToken);

    /// <summary>Deletes everything under the folder <paramref name="relative"/>; returns how many files were there.</summary>
    Task<int> DeleteFolderAsync(string relative, CancellationToken cancellationToken);
}

/// <summary>
/// A finished file and where it goes in the warehouse: a local file, or an object a remote converter wrote under
/// the warehouse's own <c>_flowlogs/remote/</c> (<see cref="RemoteRelative"/>), copied into place.
/// </summary>
internal sealed record StagedFile(string LocalPath, string Relative)
{
    public string? RemoteRelative { get; init; }

    public static StagedFile Remote(string remoteRelative, string relative) => new("", relative) { RemoteRelative = remoteRelative };
}
