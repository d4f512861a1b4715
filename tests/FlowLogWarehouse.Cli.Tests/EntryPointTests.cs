using System.Text.Json;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Cli.Tests;

/// <summary>The built <c>flowlogs</c> program, run as a child process: Program.cs, real stdout, stderr and exit code.</summary>
public class EntryPointTests
{
    [Fact]
    public async Task EntryPoint_FieldsJson_PrintsTheCatalogOnStdout()
    {
        var run = await CliProcess.RunAsync("fields", "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal("", run.StdErr);
        using var document = JsonDocument.Parse(run.StdOut);
        Assert.Equal(
            FieldCatalog.Fields.Select(f => f.Name),
            document.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task EntryPoint_UnknownOption_ExitsWithUsageOnStderr()
    {
        var run = await CliProcess.RunAsync("fields", "--bogus");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal("", run.StdOut);
        Assert.StartsWith("flowlogs: error: Unrecognized command or argument '--bogus'.", run.StdErr);
    }
}
