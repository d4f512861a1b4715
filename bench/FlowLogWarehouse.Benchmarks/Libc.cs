using System.Runtime.InteropServices;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>
/// The two libc calls the bench needs. getrusage is how peak RSS is measured without /usr/bin/time:
/// RUSAGE_CHILDREN reports the largest ru_maxrss of every descendant this process has reaped.
/// </summary>
internal static partial class Libc
{
    private const int RusageSelf = 0;
    private const int RusageChildren = -1;

    /// <summary>Peak RSS (bytes) and CPU time of every child this process has waited for.</summary>
    public static ChildUsage ChildrenUsage()
    {
        if (getrusage(RusageChildren, out var usage) != 0)
            throw new InvalidOperationException($"getrusage(RUSAGE_CHILDREN) failed with errno {Marshal.GetLastPInvokeError()}.");
        // Linux reports ru_maxrss in KiB, macOS in bytes.
        var maxRssBytes = OperatingSystem.IsMacOS() ? usage.MaxRss : usage.MaxRss * 1024;
        return new ChildUsage(maxRssBytes, usage.UserTime.TotalSeconds, usage.SystemTime.TotalSeconds);
    }

    /// <summary>Peak RSS (bytes) of this process: the reports benchmark runs DuckDB in it.</summary>
    public static long SelfPeakRssBytes()
    {
        if (getrusage(RusageSelf, out var usage) != 0)
            throw new InvalidOperationException($"getrusage(RUSAGE_SELF) failed with errno {Marshal.GetLastPInvokeError()}.");
        return OperatingSystem.IsMacOS() ? usage.MaxRss : usage.MaxRss * 1024;
    }

    /// <summary>Flushes dirty pages so one run's write-back does not land inside the next run's timing.</summary>
    public static void FlushFileSystems() => sync();

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrusage(int who, out RUsage usage);

    [LibraryImport("libc")]
    private static partial void sync();

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public long Seconds;
        public long Microseconds;

        public readonly double TotalSeconds => Seconds + Microseconds / 1e6;
    }

    // struct rusage on LP64 Linux and macOS: two timevals, then fourteen longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public TimeVal UserTime;
        public TimeVal SystemTime;
        public long MaxRss;
        public long SharedMemory;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlockInputs;
        public long BlockOutputs;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}

internal readonly record struct ChildUsage(long MaxRssBytes, double UserSeconds, double SystemSeconds);
