using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FlowLogWarehouse.TestSupport;

/// <summary>One statement to check, named so its errors can be traced back; Hive for Athena's DDL.</summary>
public sealed record TrinoStatement(string Id, string Sql, bool Hive = false);

/// <summary>A syntax error at a 1-based line and column of a statement.</summary>
public sealed record TrinoError(string Id, int Line, int Column, string Message)
{
    /// <summary>The error with the offending line of its statement and a caret under the column.</summary>
    public string Describe(IEnumerable<TrinoStatement> statements)
    {
        var lines = statements.First(s => s.Id == Id).Sql.Split('\n');
        var text = Line >= 1 && Line <= lines.Length ? lines[Line - 1].TrimEnd('\r') : "";
        return $"{Id} line {Line}, column {Column}: {Message}\n    {text}\n    {new string(' ', Math.Max(0, Column - 1))}^";
    }
}

public sealed record TrinoCheckResult(int ExitCode, IReadOnlyList<TrinoError> Errors);

/// <summary>
/// Checks statements against the Trino grammar with tests/trino-grammar (dt-sql-parser), in one Node process for
/// all of them: starting Node and loading the parser takes most of the time.
/// </summary>
public static partial class TrinoGrammar
{
    public static string Tool { get; } = Path.Combine(RepoPaths.Root, "tests", "trino-grammar", "dist", "check.js");

    public static async Task<TrinoCheckResult> CheckAsync(IReadOnlyList<TrinoStatement> statements)
    {
        // A missing tool is a broken setup, never a reason to skip: the check would silently stop guarding Athena.
        if (!File.Exists(Tool))
            throw new InvalidOperationException($"The Trino grammar check is not built ({Tool} is missing): run `make trino-grammar` (`make test` does it).");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Tool);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"The Trino grammar check needs Node 20 on PATH ({e.Message}); then run `make trino-grammar`.", e);
        }

        using (process)
        {
            // Read both pipes while writing: a child blocked on a full pipe would never exit.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(statements.Select(s => new { id = s.Id, sql = s.Sql, dialect = s.Hive ? "hive" : "trino" })));
            process.StandardInput.Close();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Tool} did not finish within 2 minutes.");
            }

            var output = await stdout;
            if (process.ExitCode is not (0 or 1))
                throw new InvalidOperationException($"{Tool} failed (exit {process.ExitCode}): {await stderr}{output}");
            var errors = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
            return new TrinoCheckResult(process.ExitCode, errors);
        }
    }

    // "id:line:column: message", as check.js prints it.
    private static TrinoError Parse(string line)
    {
        var match = ErrorLine().Match(line);
        if (!match.Success)
            throw new InvalidOperationException($"{Tool} printed an unexpected line: {line}");
        return new TrinoError(match.Groups["id"].Value,
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture),
            match.Groups["message"].Value);
    }

    [GeneratedRegex(@"^(?<id>[^:]+):(?<line>\d+):(?<column>\d+): (?<message>.*)$")]
    private static partial Regex ErrorLine();
}
