using System.Reflection;
using Microsoft.IO;
using Parquet;

namespace FlowLogWarehouse.Loader.Writing;

/// <summary>
/// Parquet.Net 6.1 encodes pages through one static RecyclableMemoryStreamManager built with default options, which
/// keep every freed buffer forever (its ParquetOptions pool limits are not passed to the writer). Over a long load
/// that retained ~300 MB. We bound that pool once, through the manager's public Settings; if a later Parquet.Net
/// renames the field, nothing breaks: the limit is simply not applied (the benchmark's RSS figure would show it).
/// </summary>
internal static class ParquetStreamPool
{
    private static int _bounded;

    public static void Bound(long smallPoolBytes = 16 << 20, long largePoolBytes = 32 << 20)
    {
        if (Interlocked.Exchange(ref _bounded, 1) == 1)
            return;
        var writer = typeof(ParquetWriter).Assembly.GetType("Parquet.File.DataColumnWriter");
        if (writer?.GetField("_rmsMgr", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) is RecyclableMemoryStreamManager manager)
        {
            manager.Settings.MaximumSmallPoolFreeBytes = smallPoolBytes;
            manager.Settings.MaximumLargePoolFreeBytes = largePoolBytes;
        }
    }
}
