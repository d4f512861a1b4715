using System.CommandLine;
using System.CommandLine.Parsing;
using FlowLogWarehouse.Cli.Logging;

namespace FlowLogWarehouse.Cli;

/// <summary>Options every command accepts, before or after the command name.</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log debug detail, and show the stack trace of an error.",
        Recursive = true,
    };

    public Option<LogFormat> LogFormat { get; } = new("--log-format")
    {
        // No default value factory: LogFormat.Text is the enum's default, and help would print it as "Text".
        Description = "Log lines on stderr as text (the default), or as json: one compact JSON object per line.",
        HelpName = "text|json",
        Recursive = true,
        CustomParser = ParseLogFormat,
    };

    public IEnumerable<Option> All => [Verbose, LogFormat];

    // A custom parser rather than enum binding: the default message for a bad enum value names a CLR type.
    private static LogFormat ParseLogFormat(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "text":
                return Logging.LogFormat.Text;
            case "json":
                return Logging.LogFormat.Json;
            default:
                result.AddError($"--log-format must be 'text' or 'json', not '{text}'.");
                return default;
        }
    }
}
