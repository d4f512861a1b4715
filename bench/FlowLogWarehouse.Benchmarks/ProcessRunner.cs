using System.Diagnostics;
using System.Text.Json;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>Starts the bench's children with their output in a log file, so the console keeps only the bench's own lines.</summary>
internal sealed class ProcessRunner(TimeSpan timeout)
{
    /// <summary>How to start this executable again: the apphost, or <c>dotnet bench.dll</c> when run through the muxer.</summary>
    public static IReadOnlyList<string> Self()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The bench's own executable path is unknown.");
        return Path.GetFileNameWithoutExtension(processPath) == "dotnet"
            ? [processPath, typeof(ProcessRunner).Assembly.Location]
            : [processPath];
    }

    /// <summary>
    /// Runs <paramref name="command"/> to its end; returns the exit code. Stdout and stderr go to <paramref name="logPath"/>.
    /// <paramref name="environment"/> is added to this process's own, and passes on to the command's children.
    /// </summary>
    public async Task<int> RunLoggedAsync(IReadOnlyList<string> command, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in command.Skip(1))
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        await using var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is null)
                return;
            lock (gate)
                log.WriteLine(line);
        }
        Write("$ " + string.Join(' ', command.Select(Quote)));

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BenchException($"Could not start '{command[0]}': {e.Message}.");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Write($"bench: killed after {timeout.TotalMinutes:F0} minutes");
            return -1;
        }
        // The parameterless wait also drains the redirected output.
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>
    /// Runs <paramref name="command"/> under a fresh measurer; the measurer's own failure is a bench failure. The
    /// measurer starts the command with its own environment, so <paramref name="environment"/> reaches the command.
    /// </summary>
    public async Task<MeasureResult> MeasureAsync(IReadOnlyList<string> command, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var resultPath = Path.ChangeExtension(logPath, ".measure.json");
        File.Delete(resultPath);
        // The measurer enforces the timeout itself (killing only the measured tree); the outer one is a backstop.
        var measured = new List<string>(Self())
        {
            MeasureCommand.Name, "--result", resultPath,
            "--timeout-seconds", ((long)timeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--",
        };
        measured.AddRange(command);
        var exitCode = await new ProcessRunner(timeout + TimeSpan.FromMinutes(1)).RunLoggedAsync(measured, logPath, environment);
        if (exitCode != 0 || !File.Exists(resultPath))
            throw new BenchException($"The measurer failed (exit code {exitCode}); see {logPath}:{Environment.NewLine}{Tail(logPath)}");
        return JsonSerializer.Deserialize<MeasureResult>(File.ReadAllText(resultPath))
            ?? throw new BenchException($"The measurer wrote an empty result to {resultPath}.");
    }

    /// <summary>The last lines of a log, indented, for a failure message.</summary>
    public static string Tail(string logPath, int lines = 20)
    {
        if (!File.Exists(logPath))
            return "    (no log)";
        var all = File.ReadAllLines(logPath);
        return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)).Select(l => "    " + l));
    }

    public static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or ',')
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
