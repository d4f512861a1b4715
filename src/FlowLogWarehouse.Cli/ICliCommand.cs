using System.CommandLine;

namespace FlowLogWarehouse.Cli;

/// <summary>
/// One <c>flowlogs</c> subcommand, one file under Commands/. It declares its options and sets its action with
/// <see cref="CommandContext.SetAction"/>; <see cref="CliApp"/> adds it to the root and turns its errors into exit codes.
/// </summary>
internal interface ICliCommand
{
    Command Create(GlobalOptions global);
}
