using System.Diagnostics;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>Where the s3 set's load reads the same objects from.</summary>
internal enum LoadSource
{
    LocalFiles,
    S3,
}

/// <summary>One measured load of the s3 set; <see cref="ServerCpuSeconds"/> is what s3rver spent during it.</summary>
internal sealed record S3Run(LoadSource Source, int Run, MeasureResult Measure, WarehouseOutput? Output, double ServerCpuSeconds, string Log)
{
    public bool Failed => Measure.ExitCode != 0;

    /// <summary>Set when the output's totals differ from the input's.</summary>
    public string? Mismatch { get; set; }

    public string SourceName => SourceNameOf(Source);

    public static string SourceNameOf(LoadSource source) => source == LoadSource.LocalFiles ? "local files" : "S3 (s3rver)";
}

/// <summary>The s3 set's outcome: every run, and what the upload and the server cost outside the timings.</summary>
internal sealed record S3Result(PreparedInput Input, List<S3Run> Runs)
{
    public string? Failure { get; set; }

    public double? UploadSeconds { get; set; }

    public long? ServerPeakRssBytes { get; set; }

    public bool AnyMismatch => Runs.Any(r => r.Mismatch is not null);
}

/// <summary>
/// The S3 target: loading the v2 .gz objects from S3 takes at most 1.3× loading the same files from local
/// disk. The files are uploaded to a fresh s3rver (untimed), then `flowlogs load` reads the local directory and the
/// bucket alternately, each into a fresh warehouse, each output checked against the input's totals.
/// </summary>
internal static class S3Bench
{
    private const string Bucket = "flowlogs-bench";

    // Enough uploads in flight to keep s3rver busy; the upload is not what is measured.
    private const int UploadParallelism = 8;

    public static async Task<S3Result> RunAsync(
        PreparedInput input, BenchOptions options, IReadOnlyList<string> flowlogs, ProcessRunner runner,
        string work, string logDirectory, string duckDbTemp)
    {
        var result = new S3Result(input, []);
        Console.WriteLine();
        Console.WriteLine(
            $"s3: {input.Reference.Rows:N0} lines, {input.Input.Files.Count:N0} .gz objects, {input.Input.TotalBytes / 1e6:N0} MB " +
            $"(the {input.Spec.InputName} input); {options.Repeat} run(s) per source");
        var dataDirectory = Path.Combine(work, "s3-data");
        InputStore.DeleteDirectory(dataDirectory);
        try
        {
            await using var server = await LocalS3Server.StartAsync(dataDirectory, Bucket, Path.Combine(logDirectory, "s3-server.log"));
            var stopwatch = Stopwatch.StartNew();
            await server.UploadAsync(input.Input, UploadParallelism);
            result.UploadSeconds = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine($"  uploaded to {server.Endpoint}/{Bucket} in {result.UploadSeconds:F1} s (not measured)");
            // s3rver reads its objects from files too: both sides start from a warm page cache.
            PageCache.Warm(input.Input.Files);
            PageCache.Warm(Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories));

            LoadSource[] sources = [LoadSource.LocalFiles, LoadSource.S3];
            for (var run = 1; run <= options.Repeat; run++)
            {
                // Alternate which source goes first, so drift over the run falls on both alike.
                var order = run % 2 == 1 ? sources : sources.Reverse().ToArray();
                // A failed source is not run again; the other goes on, so its figures are still there.
                foreach (var source in order.Where(s => !result.Runs.Any(r => r.Source == s && r.Failed)))
                {
                    var record = await RunOnceAsync(input, source, run, server, flowlogs, runner, work, logDirectory, duckDbTemp);
                    result.Runs.Add(record);
                    Console.WriteLine("  " + ProgressLine(record, options));
                    if (record.Failed)
                    {
                        var failure = $"{record.SourceName} failed ({record.Measure.FailureText(options.Timeout)}); see {record.Log}";
                        result.Failure = result.Failure is null ? failure : result.Failure + "; " + failure;
                        Console.WriteLine(ProcessRunner.Tail(record.Log));
                    }
                }
            }
            result.ServerPeakRssBytes = server.PeakRssBytes;
        }
        catch (BenchException e)
        {
            result.Failure = e.Message;
            Console.WriteLine($"  FAILED: {e.Message}");
        }
        finally
        {
            // A copy of the input: not worth keeping, since every bench run starts a fresh server.
            InputStore.DeleteDirectory(dataDirectory);
        }
        return result;
    }

    private static async Task<S3Run> RunOnceAsync(
        PreparedInput input, LoadSource source, int run, LocalS3Server server, IReadOnlyList<string> flowlogs, ProcessRunner runner,
        string work, string logDirectory, string duckDbTemp)
    {
        var name = source == LoadSource.LocalFiles ? "local" : "s3";
        var output = Path.Combine(work, "out", $"s3set-{name}");
        InputStore.DeleteDirectory(output);
        // The previous run's files are still being written back: let that finish outside the timing.
        Libc.FlushFileSystems();

        var log = Path.Combine(logDirectory, $"s3set-{name}-{run}.log");
        // --verbose on both sides: the log then says when probing ended (on S3: the listings and a GET per object) and
        // when parsing ended, which is where the two sources part; it adds a handful of lines per load.
        List<string> command =
        [
            .. flowlogs, "load", source == LoadSource.LocalFiles ? input.Input.Directory : $"s3://{server.Bucket}/",
            "--warehouse", output, "--summary-json", Path.Combine(logDirectory, $"s3set-{name}-{run}.summary.json"), "--verbose",
        ];
        if (source == LoadSource.S3)
            command.AddRange(["--endpoint-url", server.Endpoint]);
        var serverCpu = server.CpuSeconds;
        var measure = await runner.MeasureAsync(command, log, source == LoadSource.S3 ? server.Environment : null);
        serverCpu = server.CpuSeconds - serverCpu;
        if (measure.ExitCode != 0)
            return new S3Run(source, run, measure, null, serverCpu, log);

        var read = WarehouseOutput.OfOurs(output, input.Input, duckDbTemp);
        return new S3Run(source, run, measure, read, serverCpu, log) { Mismatch = read.MismatchWith(input.Reference, S3Run.SourceNameOf(source)) };
    }

    private static string ProgressLine(S3Run r, BenchOptions options)
    {
        if (r.Failed)
            return $"{r.SourceName,-13} run {r.Run}/{options.Repeat}: FAILED ({r.Measure.FailureText(options.Timeout)}); see {r.Log}";
        return $"{r.SourceName,-13} run {r.Run}/{options.Repeat}: {r.Measure.ElapsedSeconds,7:F2} s, {r.Measure.MaxRssBytes / 1e6,6:F0} MB peak RSS, " +
            $"s3rver {r.ServerCpuSeconds:F1} CPU s, {r.Output!.Bytes / 1e6,7:F1} MB in {r.Output.Files:N0} files" +
            (r.Mismatch is null ? "" : $"  MISMATCH: {r.Mismatch}");
    }
}
