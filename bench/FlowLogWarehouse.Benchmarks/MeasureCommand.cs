using System.Diagnostics;
using System.Text.Json;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>
/// <c>measure --result FILE [--timeout-seconds N] -- CMD ARGS…</c>: runs one command and records its wall time,
/// peak RSS and CPU time. A fresh measurer per measurement, because RUSAGE_CHILDREN keeps the maximum over every
/// child ever reaped: a measurer reused for a second command would report the larger of the two.
/// </summary>
internal static class MeasureCommand
{
    public const string Name = "measure";

    public static int Run(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        if (separator < 0 || separator == args.Length - 1)
            throw new UsageException("measure: expected `measure --result FILE [--timeout-seconds N] -- CMD [ARGS…]`.");
        var options = ArgReader.Parse(args[..separator], flagNames: []);
        var resultPath = options.Required("result");
        var timeout = TimeSpan.FromSeconds(options.Int("timeout-seconds", 3600));
        options.RejectUnknown("measure");
        var command = args[(separator + 1)..];

        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var arg in command.AsSpan(1))
            start.ArgumentList.Add(arg);

        // Stdio is inherited: the orchestrator captures it, so the measurer adds no pumping of its own.
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"measure: could not start '{command[0]}'.");
        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        stopwatch.Stop();

        // WaitForExit has reaped the child, so its (and its waited-for descendants') usage is now counted.
        var usage = Libc.ChildrenUsage();
        var result = new MeasureResult(
            timedOut ? -1 : process.ExitCode, timedOut, stopwatch.Elapsed.TotalSeconds,
            usage.MaxRssBytes, usage.UserSeconds, usage.SystemSeconds);
        File.WriteAllText(resultPath, JsonSerializer.Serialize(result));
        return 0;
    }
}

/// <summary>What one measurement saw; ExitCode is -1 when the command was killed for running past its timeout.</summary>
internal sealed record MeasureResult(
    int ExitCode, bool TimedOut, double ElapsedSeconds, long MaxRssBytes, double UserSeconds, double SystemSeconds)
{
    public double CpuSeconds => UserSeconds + SystemSeconds;

    /// <summary>Why a run with a non-zero exit code failed, for a failure line.</summary>
    public string FailureText(TimeSpan timeout) => TimedOut ? $"ran past {timeout.TotalMinutes:F0} minutes" : $"exit code {ExitCode}";
}
