namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>
/// One load at a time per warehouse. An exclusive open is an flock on Linux, released by the kernel when the
/// process dies, so a killed load never leaves a stale lock.
/// </summary>
internal sealed class WarehouseLock : IDisposable
{
    private readonly FileStream _stream;

    private WarehouseLock(FileStream stream) => _stream = stream;

    public static WarehouseLock Acquire(WarehouseLayout layout)
    {
        try
        {
            var stream = new FileStream(layout.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new WarehouseLock(stream);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new LoadFailedException($"Another load is running on the warehouse {layout.Root} (it holds {layout.LockFile}). Wait for it to finish.");
        }
    }

    public void Dispose() => _stream.Dispose();
}
