using System.CommandLine;
using FlowLogWarehouse.Cli.Logging;
using Serilog;
using Serilog.Core;

namespace FlowLogWarehouse.Cli;

/// <summary>What a command's action works with: parsed values, the invocation's writers, a logger, cancellation.</summary>
internal sealed class CommandContext : IDisposable
{
    private readonly GlobalOptions _global;
    private Logger? _logger;

    private CommandContext(ParseResult result, GlobalOptions global, CancellationToken cancellationToken)
    {
        Result = result;
        _global = global;
        CancellationToken = cancellationToken;
    }

    public ParseResult Result { get; }

    /// <summary>Results: tables, JSON, summaries. Nothing else goes here.</summary>
    public TextWriter Output => Result.InvocationConfiguration.Output;

    public TextWriter Error => Result.InvocationConfiguration.Error;

    /// <summary>Cancelled on Ctrl-C / SIGTERM; the CLI then exits 130.</summary>
    public CancellationToken CancellationToken { get; }

    public bool Verbose => Result.GetValue(_global.Verbose);

    /// <summary>Built on first use from --log-format and --verbose; flushed when the action ends.</summary>
    public ILogger Logger => _logger ??= CliLogging.CreateLogger(Result, _global);

    public T GetValue<T>(Option<T> option) => Result.GetValue(option)!;

    public void Dispose() => _logger?.Dispose();

    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="action"/>, run with a fresh context.</summary>
    public static void SetAction(Command command, GlobalOptions global, Func<CommandContext, Task<int>> action) =>
        command.SetAction(async (result, cancellationToken) =>
        {
            using var context = new CommandContext(result, global, cancellationToken);
            return await action(context);
        });
}
