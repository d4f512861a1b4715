namespace FlowLogWarehouse.Benchmarks;

internal static class PageCache
{
    /// <summary>Reads every file once, untimed, so no measured side pays for (or profits from) a cold cache.</summary>
    public static void Warm(IEnumerable<string> files)
    {
        var buffer = new byte[1 << 20];
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            while (stream.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
    }
}
