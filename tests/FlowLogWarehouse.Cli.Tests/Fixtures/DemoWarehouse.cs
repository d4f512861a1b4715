using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Cli.Tests.Fixtures;

/// <summary>
/// Two days of generated v5 flow logs (2026-11-01 and 02), loaded once by the real CLI and shared by a test class;
/// the querying commands only read it.
/// </summary>
public sealed class DemoWarehouse : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("cli-query");

    public string Path => _directory.Combine("wh");

    public string Root => _directory.Path;

    public async Task InitializeAsync()
    {
        var logs = _directory.Combine("logs");
        Check(await CliProcess.RunAsync(["generate", "--out", logs, "--days", "2", "--rows-per-day", "20000", "--format", "v5", "--gzip", "--seed", "11"]));
        Check(await CliProcess.RunAsync(["load", logs, "--warehouse", Path]));
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    private static void Check(CliResult result) => Assert.True(result.ExitCode == 0, result.ToString());
}
