using System.CommandLine;
using FlowLogWarehouse.Cli;

namespace FlowLogWarehouse.Cli.Tests.Fixtures;

/// <summary><c>boom</c>: fails with the exception it was given, to exercise the CLI's error reporting.</summary>
internal sealed class ThrowingCommand(Func<Exception> exception) : ICliCommand
{
    public Command Create(GlobalOptions global)
    {
        var command = new Command("boom", "Throws.");
        CommandContext.SetAction(command, global, async _ =>
        {
            await Task.Yield();
            throw exception();
        });
        return command;
    }
}

/// <summary><c>wait</c>: signals that it started, then waits until cancelled.</summary>
internal sealed class WaitingCommand : ICliCommand
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Command Create(GlobalOptions global)
    {
        var command = new Command("wait", "Waits for cancellation.");
        CommandContext.SetAction(command, global, async context =>
        {
            Started.SetResult();
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary><c>log</c>: writes one debug and one information event, and a result line on stdout.</summary>
internal sealed class LoggingCommand : ICliCommand
{
    public Command Create(GlobalOptions global)
    {
        var command = new Command("log", "Logs.");
        CommandContext.SetAction(command, global, context =>
        {
            context.Logger.Debug("Debug detail {Count}", 1);
            context.Logger.Information("Loaded {Rows} rows from {Source}", 42, "flows.log.gz");
            context.Output.WriteLine("result");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
