using System.CommandLine;
using FlowLogWarehouse.Cli.Querying;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Cli.Commands;

/// <summary>
/// <c>flowlogs sql --warehouse DIR ["SELECT ..." | -f file.sql]</c>: ad-hoc, read-only SQL on the <c>flow_logs</c>
/// table; without a query, a prompt that reads statements ending in ';'.
/// </summary>
internal sealed class SqlCommand : ICliCommand
{
    public Command Create(GlobalOptions global)
    {
        var text = new Argument<string?>("query") { Description = "One SQL statement over the flow_logs table.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file", "-f") { Description = "Read the statement from this file.", HelpName = "file" };
        var query = new QueryOptions();
        var command = new Command("sql", "Run read-only SQL on the flow_logs table; with no query, an interactive prompt.") { text, file };
        foreach (var option in query.All)
            command.Options.Add(option);

        CommandContext.SetAction(command, global, async context =>
        {
            var sql = context.Result.GetValue(text);
            var path = context.Result.GetValue(file);
            if (sql is not null && path is not null)
                throw new UserException("give the query as an argument or with --file, not both");
            if (path is not null)
                sql = File.Exists(path) ? await File.ReadAllTextAsync(path, context.CancellationToken) : throw new UserException($"--file '{path}' does not exist");

            var (format, outPath) = query.Destination(context);
            await using var engine = query.OpenEngine(context);
            if (sql is null)
                return await new SqlPrompt(context, engine, format).RunAsync(Console.In, interactive: !Console.IsInputRedirected);

            await using var result = await engine.ExecuteAsync(new QueryRequest(sql.Trim().TrimEnd(';')), context.CancellationToken);
            await ResultOutput.WriteAsync(context, result, format, outPath, null, "sql");
            return ExitCodes.Ok;
        });
        return command;
    }
}
