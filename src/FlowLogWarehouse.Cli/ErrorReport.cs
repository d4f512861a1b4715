using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Output;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Cli;

/// <summary>
/// Turns an exception that ended a command into one line on stderr and an exit code. Mistakes a user can act on
/// print only their message; anything else is a bug or an environment failure and says how to see more.
/// </summary>
internal static class ErrorReport
{
    public const string Prefix = "flowlogs: ";

    public static int Write(Exception exception, bool verbose, TextWriter error)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
            exception = aggregate.InnerExceptions[0];

        var (exitCode, message, expected) = Classify(exception);
        if (exitCode == ExitCodes.Interrupted)
            error.WriteLine(Prefix + message);
        else if (expected || verbose)
            error.WriteLine(Prefix + "error: " + message);
        else
            error.WriteLine(Prefix + "error: " + message + " (run with --verbose for details)");

        if (verbose && exitCode != ExitCodes.Interrupted)
            error.WriteLine(exception.ToString());
        return exitCode;
    }

    /// <summary>Exit code, one-line message, and whether the message alone is enough for the user.</summary>
    private static (int ExitCode, string Message, bool Expected) Classify(Exception exception) => exception switch
    {
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted", true),
        UserException user => (user.ExitCode, OneLine(user.Message), true),
        FlowLogFormatException format => (ExitCodes.Usage, OneLine(format.Message), true),
        ReportException report => (ExitCodes.Usage, OneLine(report.Message), true),
        FlowLogWarehouse.Aws.AwsSettingsException aws => (ExitCodes.Usage, OneLine(aws.Message), true),
        FlowLogWarehouse.Ec2.FlowLogRequestException flowLog => (ExitCodes.Usage, OneLine(flowLog.Message), true),
        FlowLogWarehouse.Ec2.Ec2Exception ec2 => (ExitCodes.Failure, OneLine(ec2.Message), true),
        QueryException query => (ExitCodes.Failure, OneLine(query.Message), true),
        FlowLogWarehouse.Athena.AthenaQueryException athena => (ExitCodes.Failure, OneLine(athena.Message), true),
        FlowLogWarehouse.Athena.AthenaException athena => (ExitCodes.Failure, OneLine(athena.Message), true),
        OutputException output => (ExitCodes.Failure, OneLine(output.Message), true),
        // ArgumentNullException is a programming error, never something the user typed.
        ArgumentNullException => (ExitCodes.Failure, OneLine(exception.Message), false),
        ArgumentException argument => (ExitCodes.Usage, OneLine(WithoutParameterName(argument)), true),
        FileNotFoundException or DirectoryNotFoundException => (ExitCodes.Usage, OneLine(exception.Message), true),
        IOException or UnauthorizedAccessException => (ExitCodes.Failure, OneLine(exception.Message), true),
        _ => (ExitCodes.Failure, OneLine(exception.Message), false),
    };

    /// <summary>Collapses line breaks so every error stays one greppable line.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // ArgumentException appends " (Parameter 'name')", which names a C# parameter, not an option the user typed.
    public static string WithoutParameterName(ArgumentException exception) =>
        exception.ParamName is null
            ? exception.Message
            : exception.Message.Replace($" (Parameter '{exception.ParamName}')", "", StringComparison.Ordinal);
}
