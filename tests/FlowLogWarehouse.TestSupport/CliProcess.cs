using System.Diagnostics;

namespace FlowLogWarehouse.TestSupport;

/// <summary>What a child <c>flowlogs</c> process did.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}

/// <summary>How to run a child: all optional.</summary>
public sealed record CliRun
{
    public byte[]? Stdin { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public TimeSpan? KillAfter { get; init; }
    public TimeSpan? Timeout { get; init; }
    public string? WorkingDirectory { get; init; }
}

/// <summary>
/// Runs the real entry point, <c>dotnet flowlogs.dll args…</c>, as a child process. Test projects that reference
/// the Cli project find flowlogs.dll next to their own assembly.
/// </summary>
public static class CliProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static string FlowLogsDll => Path.Combine(AppContext.BaseDirectory, "flowlogs.dll");

    public static Task<CliResult> RunAsync(IEnumerable<string> args, TimeSpan? timeout = null, string? workingDirectory = null) =>
        RunAsync(args, new CliRun { Timeout = timeout, WorkingDirectory = workingDirectory });

    /// <summary>Runs with stdin bytes, extra environment, or a SIGKILL after a delay (crash tests).</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, CliRun run)
    {
        var arguments = args.ToList();
        if (!File.Exists(FlowLogsDll))
            throw new FileNotFoundException($"flowlogs.dll is not next to the test assembly in {AppContext.BaseDirectory}; reference src/FlowLogWarehouse.Cli from the test project.", FlowLogsDll);

        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardInput = run.Stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = run.WorkingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(FlowLogsDll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in run.Environment)
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {DotnetHost}.");
        // Read both pipes while waiting: a child blocked on a full pipe would never exit.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (run.Stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(run.Stdin);
            process.StandardInput.Close();
        }
        if (run.KillAfter is { } delay && !process.WaitForExit(delay))
            process.Kill();
        var limit = run.Timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"flowlogs {string.Join(' ', arguments)} did not finish within {limit}.");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync((IEnumerable<string>)args);

    // The dotnet CLI tells its child processes (test hosts included) which host launched it; PATH is the fallback.
    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
