using System.CommandLine;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Cli.Commands.Reports;

/// <summary><c>flowlogs report show NAME[@N]</c>: the report's file as released, and any engine's own statement.</summary>
internal static class ReportShow
{
    public static Command Create(GlobalOptions global)
    {
        var name = new Argument<string>("report") { Description = "NAME for the newest version, NAME@N for version N." };
        var command = new Command("show", "Print a report's SQL with its header: description, required fields, parameters.") { name };
        CommandContext.SetAction(command, global, context =>
        {
            var report = ReportLibrary.BuiltIn.Resolve(context.Result.GetValue(name)!);
            context.Output.WriteLine(report.Text.TrimEnd());
            foreach (var (engine, sql) in report.Overrides.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                context.Output.WriteLine();
                context.Output.WriteLine($"-- on {engine} (v{report.Version}.{engine}.sql):");
                context.Output.WriteLine(sql);
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
