using System.CommandLine;
using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace FlowLogWarehouse.Cli.Logging;

/// <summary>
/// Builds the logger every command uses from <c>--log-format</c> and <c>--verbose</c>. Logs go to stderr only, so
/// stdout stays the command's result. Log values, paths and counts; never credentials, keys or tokens.
/// </summary>
internal static class CliLogging
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>The logger for a parsed command line, writing to the invocation's error writer.</summary>
    public static Logger CreateLogger(ParseResult result, GlobalOptions global) =>
        CreateLogger(result.GetValue(global.LogFormat), result.GetValue(global.Verbose), result.InvocationConfiguration.Error);

    /// <param name="error">Where events go; the process's stderr when null or <see cref="Console.Error"/>.</param>
    public static Logger CreateLogger(LogFormat format, bool verbose, TextWriter? error = null)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information);
        ITextFormatter formatter = format == LogFormat.Json
            ? new CompactJsonFormatter()
            : new MessageTemplateTextFormatter(TextTemplate, CultureInfo.InvariantCulture);

        if (error is not null && !ReferenceEquals(error, Console.Error))
            configuration.WriteTo.Sink(new TextWriterSink(formatter, error));
        else
            // Every level to stderr: stdout carries only results (tables, JSON, summaries).
            configuration.WriteTo.Console(formatter, standardErrorFromLevel: LogEventLevel.Verbose);
        return configuration.CreateLogger();
    }
}
