using FlowLogWarehouse.Cli;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Cli.Tests.Fixtures;

/// <summary>Runs a command line through <see cref="CliApp"/> in this process, capturing stdout and stderr.</summary>
internal static class InProcess
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new CliApp(), args);

    public static async Task<CliResult> RunAsync(CliApp app, string[] args, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await app.InvokeAsync(args, output, error, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Lines of text, without the empty one after the last newline.</summary>
    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when the text looks like a .NET stack trace.</summary>
    public static bool HasStackTrace(string text) => text.Contains("   at ", StringComparison.Ordinal);
}
