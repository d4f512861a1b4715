using System.Runtime.InteropServices;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>The line that says where the numbers come from.</summary>
internal static class BenchEnvironment
{
    public static string Describe(string flowlogs, string duckDbVersion)
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return $"machine: {CpuModel()}, {Environment.ProcessorCount} cores, {memory / (1L << 30)} GiB, {RuntimeInformation.OSDescription}; " +
               $".NET {Environment.Version}; DuckDB {duckDbVersion}; flowlogs: {flowlogs}";
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
            return RuntimeInformation.ProcessArchitecture.ToString();
        var model = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return model is null ? RuntimeInformation.ProcessArchitecture.ToString() : model[(model.IndexOf(':') + 1)..].Trim();
    }
}
