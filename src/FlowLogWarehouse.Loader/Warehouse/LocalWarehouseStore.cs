namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>
/// A warehouse in a local directory. Staging is inside it (<c>_flowlogs/staging</c>), on the same file system, so
/// publishing a file is a rename. The lock is <c>_flowlogs/lock</c> (see <see cref="LockFile"/>).
/// </summary>
internal sealed class LocalWarehouseStore : IWarehouseStore
{
    private readonly FileStream _lock;

    private LocalWarehouseStore(string root, FileStream lockStream)
    {
        Root = root;
        _lock = lockStream;
    }

    public string Root { get; }

    public string StagingRoot => Full(WarehousePaths.Meta + "/staging");

    public static LocalWarehouseStore Open(string directory)
    {
        var root = Path.GetFullPath(directory);
        foreach (var folder in new[] { WarehousePaths.Manifests, WarehousePaths.Journals, WarehousePaths.Quarantine, WarehousePaths.Meta + "/staging" })
            Directory.CreateDirectory(Path.Combine(root, folder));
        var lockFile = Path.Combine(root, WarehousePaths.Meta, "lock");
        return new LocalWarehouseStore(root, LockFile.Acquire(lockFile, $"Another load is running on the warehouse {root} (it holds {lockFile}). Wait for it to finish."));
    }

    public string Full(string relative) => Path.Combine(Root, relative);

    public Task CleanLeftoversAsync(CancellationToken cancellationToken)
    {
        foreach (var temporary in Directory.EnumerateFiles(Full(WarehousePaths.Meta), "*.tmp", SearchOption.AllDirectories))
            File.Delete(temporary);
        foreach (var staging in Directory.EnumerateDirectories(StagingRoot))
            Directory.Delete(staging, recursive: true);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListJsonAsync(string folder, CancellationToken cancellationToken)
    {
        var full = Full(folder);
        IReadOnlyList<string> names = Directory.Exists(full)
            ? Directory.EnumerateFiles(full, "*.json").Select(f => folder + "/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()
            : [];
        return Task.FromResult(names);
    }

    public Task<T?> ReadJsonAsync<T>(string relative, CancellationToken cancellationToken) where T : class
    {
        var full = Full(relative);
        return Task.FromResult(File.Exists(full) ? AtomicJson.Read<T>(full) : null);
    }

    public Task WriteJsonAsync<T>(string relative, T value, CancellationToken cancellationToken)
    {
        AtomicJson.Write(Full(relative), value);
        return Task.CompletedTask;
    }

    public Task PublishAsync(IReadOnlyList<StagedFile> files, CancellationToken cancellationToken)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].RemoteRelative is not null)
                throw new InvalidOperationException("A local warehouse takes no files from a remote converter.");
            var target = Full(files[i].Relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(files[i].LocalPath, target);
            if (i == files.Count / 2)
                FaultInjection.At("mid-rename");
        }
        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(IReadOnlyList<string> relatives, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var relative in relatives)
        {
            var full = Full(relative);
            if (!File.Exists(full))
                continue;
            File.Delete(full);
            PruneEmptyDirectories(Path.GetDirectoryName(full)!);
            deleted++;
        }
        return Task.FromResult(deleted);
    }

    public Task<int> DeleteFolderAsync(string relative, CancellationToken cancellationToken)
    {
        var full = Full(relative);
        if (!Directory.Exists(full))
            return Task.FromResult(0);
        var count = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Count();
        Directory.Delete(full, recursive: true);
        return Task.FromResult(count);
    }

    private void PruneEmptyDirectories(string directory)
    {
        var data = Full(WarehousePaths.Data);
        while (directory.StartsWith(data + "/", StringComparison.Ordinal) && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }

    public ValueTask DisposeAsync()
    {
        _lock.Dispose();
        return ValueTask.CompletedTask;
    }
}
