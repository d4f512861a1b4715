using System.Runtime.InteropServices;

namespace FlowLogWarehouse.Loader;

/// <summary>
/// Crash-safety tests set FLOWLOGS_FAULT=&lt;point&gt; to have the load SIGKILL itself at a named point of the commit
/// protocol, exactly as an outside kill at that moment would. Unset in normal use: a string compare per point.
/// </summary>
internal static partial class FaultInjection
{
    private static readonly string? Point = Environment.GetEnvironmentVariable("FLOWLOGS_FAULT");

    public static void At(string point)
    {
        if (Point is not null && string.Equals(Point, point, StringComparison.Ordinal))
            _ = Kill(Environment.ProcessId, 9);
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
