namespace FlowLogWarehouse.Loader.Warehouse;

/// <summary>
/// One load at a time: an exclusive open is an flock on Linux, released by the kernel when the process dies, so a
/// killed load never leaves a stale lock.
/// </summary>
internal static class LockFile
{
    /// <summary>The open lock, or a <see cref="LoadFailedException"/> with <paramref name="held"/> when another load has it.</summary>
    public static FileStream Acquire(string path, string held)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new LoadFailedException(held);
        }
    }
}
