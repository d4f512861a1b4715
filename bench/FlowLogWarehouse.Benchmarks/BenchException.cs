namespace FlowLogWarehouse.Benchmarks;

/// <summary>The bench cannot go on (missing input, a failed command, too little disk): message only, exit code 1.</summary>
internal sealed class BenchException(string message) : Exception(message);
