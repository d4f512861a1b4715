namespace FlowLogWarehouse.Cli;

/// <summary>
/// A problem the user can fix from the message alone. The CLI prints it as one line, without a stack trace,
/// and exits with <see cref="ExitCode"/> (usage by default).
/// </summary>
internal sealed class UserException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
