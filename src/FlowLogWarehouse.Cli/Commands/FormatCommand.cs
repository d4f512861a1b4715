using System.CommandLine;
using FlowLogWarehouse.Cli.FlowLogs;

namespace FlowLogWarehouse.Cli.Commands;

/// <summary>
/// <c>flowlogs format [--fields …] [--for-reports …]</c>: the LogFormat string, in AWS syntax, for a flow log that
/// records the chosen fields; alone on stdout, so it can go straight into a template or another command.
/// </summary>
internal sealed class FormatCommand : ICliCommand
{
    public Command Create(GlobalOptions global)
    {
        var options = new FormatOptions();
        var command = new Command("format", "Print the LogFormat (${version} ${account-id} ...) of a flow log that records the chosen fields, or what the chosen reports need.");
        foreach (var option in options.All)
            command.Options.Add(option);
        CommandContext.SetAction(command, global, async context =>
        {
            await context.Output.WriteLineAsync(options.Build(context).AwsSyntax);
            return ExitCodes.Ok;
        });
        return command;
    }
}
