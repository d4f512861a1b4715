using System.Text;
using FlowLogWarehouse.Output;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Cli.Querying;

/// <summary>
/// The <c>flowlogs sql</c> prompt: statements end with ';' and may span lines; each result prints as it comes, an
/// error prints and the prompt goes on. <c>.tables</c>/<c>.schema</c> describe flow_logs; <c>.quit</c> or end of
/// input leaves. Read from a pipe, it runs a script and exits 1 if any statement failed.
/// </summary>
internal sealed class SqlPrompt(CommandContext context, IQueryEngine engine, OutputFormat format)
{
    private const string Prompt = "flowlogs> ";
    private const string Continuation = "      -> ";

    public async Task<int> RunAsync(TextReader input, bool interactive)
    {
        if (format.IsBinary())
            throw new UserException($"the prompt prints results: --output {format.Name()} needs a query given as an argument or with --file");
        if (interactive)
            context.Error.WriteLine("flow_logs is ready. End statements with ';'. .schema describes the table, .quit leaves.");

        var failed = false;
        var statement = new StringBuilder();
        while (true)
        {
            if (interactive)
                context.Error.Write(statement.Length == 0 ? Prompt : Continuation);
            var line = await input.ReadLineAsync(context.CancellationToken);
            if (line is null)
                break;
            var trimmed = line.Trim();
            if (statement.Length == 0 && trimmed.StartsWith('.'))
            {
                if (trimmed is ".quit" or ".exit")
                    break;
                if (Command(trimmed) is { } query)
                    failed |= !await RunAsync(query);
                else
                    context.Error.WriteLine($"unknown command {trimmed}: try .schema, .tables, .quit");
                continue;
            }
            statement.AppendLine(line);
            if (!trimmed.EndsWith(';'))
                continue;
            var sql = statement.ToString().Trim().TrimEnd(';').Trim();
            statement.Clear();
            if (sql.Length > 0)
                failed |= !await RunAsync(sql);
        }
        if (statement.ToString().Trim().Length > 0)
            failed |= !await RunAsync(statement.ToString().Trim());
        return failed ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static string? Command(string dot) => dot switch
    {
        ".tables" => "SELECT 'flow_logs' AS name",
        ".schema" => "DESCRIBE flow_logs",
        _ => null,
    };

    private async Task<bool> RunAsync(string sql)
    {
        try
        {
            await using var result = await engine.ExecuteAsync(new QueryRequest(sql), context.CancellationToken);
            await ResultOutput.WriteAsync(context, result, format, null, null, "sql");
            return true;
        }
        catch (QueryException e)
        {
            context.Error.WriteLine(ErrorReport.Prefix + "error: " + ErrorReport.OneLine(e.Message));
            return false;
        }
    }
}
