using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using FlowLogWarehouse.Cli.Commands;

namespace FlowLogWarehouse.Cli;

/// <summary>
/// The <c>flowlogs</c> command tree, and the one place where parse errors and exceptions become a message on
/// stderr and an exit code (<see cref="ExitCodes"/>).
/// </summary>
internal sealed class CliApp
{
    public const string Name = "flowlogs";

    /// <summary>How long a command may take to stop after Ctrl-C before the process exits anyway (130).</summary>
    public static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(5);

    /// <summary>Every subcommand, in help order. Adding a command is one line here.</summary>
    private static ICliCommand[] Commands =>
    [
        new AthenaCommand(),
        new CreateCommand(),
        new DescribeCommand(),
        new FieldsCommand(),
        new FormatCommand(),
        new GenerateCommand(),
        new LoadCommand(),
        new ReportCommand(),
        new SqlCommand(),
    ];

    public CliApp()
        : this(Commands)
    {
    }

    internal CliApp(IEnumerable<ICliCommand> commands)
    {
        Global = new GlobalOptions();
        Root = new RootCommand("FlowLogWarehouse: AWS VPC Flow Logs into a partitioned Parquet warehouse, and reports over it.");
        foreach (var option in Global.All)
            Root.Options.Add(option);
        foreach (var command in commands)
            Root.Subcommands.Add(command.Create(Global));
    }

    public RootCommand Root { get; }

    public GlobalOptions Global { get; }

    /// <summary>Runs one command line. Writers default to the console; tests pass <see cref="StringWriter"/>s.</summary>
    public async Task<int> InvokeAsync(
        IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        ParseResult? result = null;
        try
        {
            result = Root.Parse(args);

            // System.CommandLine's ParseErrorAction exits 1 and prints the whole help; usage errors are our 2, one line each.
            if (result.Action is ParseErrorAction)
                return WriteParseErrors(result, error);

            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                // Its default handler prints the whole exception; ErrorReport decides what the user sees.
                EnableDefaultExceptionHandler = false,
                // Without a timeout System.CommandLine does not handle Ctrl-C at all and the process dies mid-write.
                ProcessTerminationTimeout = CancellationGrace,
            };
            var exitCode = await result.InvokeAsync(configuration, cancellationToken);
            // A command that ignored cancellation past the grace period is abandoned with 130, without an exception.
            if (exitCode == ExitCodes.Interrupted)
                error.WriteLine(ErrorReport.Prefix + "interrupted");
            return exitCode;
        }
        catch (Exception exception)
        {
            // A parser or validator that threw left no result to ask; the raw arguments still say whether to be verbose.
            var verbose = result?.GetValue(Global.Verbose) ?? args.Any(a => Global.Verbose.Name == a || Global.Verbose.Aliases.Contains(a));
            return ErrorReport.Write(exception, verbose, error);
        }
    }

    private static int WriteParseErrors(ParseResult result, TextWriter error)
    {
        foreach (var parseError in result.Errors)
            error.WriteLine(ErrorReport.Prefix + "error: " + ErrorReport.OneLine(parseError.Message));
        error.WriteLine($"Run '{CommandPath(result.CommandResult)} --help' for usage.");
        return ExitCodes.Usage;
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new Stack<string>();
        for (SymbolResult? current = command; current is CommandResult c; current = c.Parent)
            names.Push(c.Command is RootCommand ? Name : c.Command.Name);
        return string.Join(' ', names);
    }
}
