using System.CommandLine;
using FlowLogWarehouse.Cli.Querying;
using FlowLogWarehouse.Output.Charts;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Cli.Commands.Reports;

/// <summary>
/// <c>flowlogs report run NAME[@N] --warehouse DIR [--from] [--to] [--param k=v]... [--output ...] [--out FILE]</c>.
/// </summary>
internal static class ReportRun
{
    public static Command Create(GlobalOptions global)
    {
        var name = new Argument<string>("report") { Description = "NAME for the newest version, NAME@N for version N." };
        var query = new QueryOptions();
        var from = new Option<string?>("--from")
        {
            Description = "Start of the window (UTC): 2026-11-20, 2026-11-20T05:00, or a span back from --to such as -6h, -7d. Default: 24 h before --to.",
            HelpName = "time",
        };
        var to = new Option<string?>("--to")
        {
            Description = "End of the window (UTC, exclusive). Default: the end of the newest hour with data.",
            HelpName = "time",
        };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "A report parameter as name=value; repeatable. 'flowlogs report list' shows each report's.",
            HelpName = "name=value",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("run", "Run a report over the warehouse and print or save its result.") { name, from, to, parameters };
        foreach (var option in query.All)
            command.Options.Add(option);

        CommandContext.SetAction(command, global, async context =>
        {
            var report = ReportLibrary.BuiltIn.Resolve(context.Result.GetValue(name)!);
            var arguments = ParseParameters(context.Result.GetValue(parameters) ?? []);
            var (format, path) = query.Destination(context);
            await using var engine = query.OpenEngine(context);
            var runner = new ReportRunner(engine);
            var prepared = await runner.PrepareAsync(report, arguments, context.Result.GetValue(from), context.Result.GetValue(to), context.CancellationToken);
            context.Logger.Debug("Running {Report} on {Engine} over {Window}", report.Id, engine.Name, prepared.Window.ToString());
            await using var result = await runner.ExecuteAsync(prepared, context.CancellationToken);
            var chart = report.Chart is { } c
                ? new ChartSpec(c.Kind == "line" ? ChartKind.Line : ChartKind.Bar, c.X, c.Y, $"{report.Name}: {prepared.Window}")
                : null;
            await ResultOutput.WriteAsync(context, result, format, path, chart, $"{report.Id} over {prepared.Window}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Dictionary<string, string> ParseParameters(IEnumerable<string> pairs)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
                throw new UserException($"--param '{pair}' is not name=value");
            if (!arguments.TryAdd(pair[..equals].Trim(), pair[(equals + 1)..]))
                throw new UserException($"--param {pair[..equals].Trim()} is given twice");
        }
        return arguments;
    }
}
