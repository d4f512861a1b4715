using FlowLogWarehouse.Cli.Tests.Fixtures;

namespace FlowLogWarehouse.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public async Task UnknownOption_ExitsWithUsage_OneErrorLineAndNoStackTrace()
    {
        var run = await InProcess.RunAsync("fields", "--bogus");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.StdOut);
        Assert.Equal(
            ["flowlogs: error: Unrecognized command or argument '--bogus'.", "Run 'flowlogs fields --help' for usage."],
            InProcess.Lines(run.StdErr));
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithUsage()
    {
        var run = await InProcess.RunAsync("feilds");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("flowlogs: error: Unrecognized command or argument 'feilds'.", InProcess.Lines(run.StdErr));
        Assert.False(InProcess.HasStackTrace(run.StdErr));
    }

    [Fact]
    public async Task NoCommand_ExitsWithUsage()
    {
        var run = await InProcess.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(
            ["flowlogs: error: Required command was not provided.", "Run 'flowlogs --help' for usage."],
            InProcess.Lines(run.StdErr));
    }

    [Fact]
    public async Task Help_OnTheRoot_ListsCommandsAndGlobalOptions()
    {
        var run = await InProcess.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.StdErr);
        Assert.Contains("fields", run.StdOut);
        Assert.Contains("generate", run.StdOut);
        Assert.Contains("--log-format <text|json>", run.StdOut);
        Assert.Contains("--verbose", run.StdOut);
    }

    [Fact]
    public async Task Help_OnACommand_ShowsItsOptions()
    {
        var run = await InProcess.RunAsync("fields", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("--json", run.StdOut);
    }

    [Fact]
    public async Task LogFormat_Unknown_ExitsWithUsageNamingTheChoices()
    {
        var run = await InProcess.RunAsync("--log-format", "xml", "fields");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("flowlogs: error: --log-format must be 'text' or 'json', not 'xml'.", run.StdErr);
    }

    [Theory]
    [InlineData("--verbose", "fields")]
    [InlineData("fields", "-v", "--log-format", "json")]
    [InlineData("--log-format", "text", "fields")]
    public async Task GlobalOptions_BeforeOrAfterTheCommand_AreAccepted(params string[] args)
    {
        var run = await InProcess.RunAsync(args);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("NAME", run.StdOut);
    }

    public static TheoryData<string, int, string> Failures => new()
    {
        { "user", ExitCodes.Failure, "flowlogs: error: The warehouse is locked by another load." },
        { "format", ExitCodes.Usage, "flowlogs: error: The format names 'srcadr', which is not a known field." },
        { "argument", ExitCodes.Usage, "flowlogs: error: --max-bad-ratio must be between 0 and 1." },
        { "missing-file", ExitCodes.Usage, "flowlogs: error: Could not find file '/logs/flows.log.gz'." },
        { "io", ExitCodes.Failure, "flowlogs: error: No space left on device." },
        { "multi-line", ExitCodes.Failure, "flowlogs: error: First line. Second line. (run with --verbose for details)" },
        { "bug", ExitCodes.Failure, "flowlogs: error: Sequence contains no elements (run with --verbose for details)" },
        { "null-argument", ExitCodes.Failure, "flowlogs: error: Value cannot be null. (Parameter 'source') (run with --verbose for details)" },
        { "cancelled", ExitCodes.Interrupted, "flowlogs: interrupted" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Exception_IsOneLineOnStderrWithItsExitCode(string kind, int exitCode, string line)
    {
        Exception exception = kind switch
        {
            "user" => new UserException("The warehouse is locked by another load.", ExitCodes.Failure),
            "format" => new Core.Formats.FlowLogFormatException("The format names 'srcadr', which is not a known field."),
            "argument" => new ArgumentOutOfRangeException("maxBadRatio", "--max-bad-ratio must be between 0 and 1."),
            "missing-file" => new FileNotFoundException("Could not find file '/logs/flows.log.gz'."),
            "io" => new IOException("No space left on device."),
            "multi-line" => new InvalidOperationException("First line.\nSecond line."),
            "bug" => new InvalidOperationException("Sequence contains no elements"),
            "null-argument" => new ArgumentNullException("source"),
            "cancelled" => new OperationCanceledException(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var app = new CliApp([new ThrowingCommand(() => exception)]);

        var run = await InProcess.RunAsync(app, ["boom"]);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal([line], InProcess.Lines(run.StdErr));
        Assert.Equal("", run.StdOut);
    }

    [Fact]
    public async Task Exception_WithVerbose_AlsoPrintsTheStackTrace()
    {
        var app = new CliApp([new ThrowingCommand(() => new InvalidOperationException("Sequence contains no elements"))]);

        var run = await InProcess.RunAsync(app, ["boom", "--verbose"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith("flowlogs: error: Sequence contains no elements\n", run.StdErr);
        Assert.Contains("System.InvalidOperationException: Sequence contains no elements", run.StdErr);
        Assert.True(InProcess.HasStackTrace(run.StdErr));
    }

    [Fact]
    public async Task Cancellation_WhileACommandRuns_ExitsWithInterrupted()
    {
        var waiting = new WaitingCommand();
        var app = new CliApp([waiting]);
        using var cancellation = new CancellationTokenSource();

        var running = InProcess.RunAsync(app, ["wait"], cancellation.Token);
        await waiting.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Equal(["flowlogs: interrupted"], InProcess.Lines(run.StdErr));
    }
}
