using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Ec2.Tests.Fixtures;

/// <summary>A fresh fake EC2 per test, and the real CLI pointed at it with credentials it accepts.</summary>
public abstract class Ec2TestBase : IAsyncLifetime
{
    protected FakeEc2 Ec2 { get; private set; } = null!;

    public async Task InitializeAsync() => Ec2 = await FakeEc2.StartAsync();

    public async Task DisposeAsync() => await Ec2.DisposeAsync();

    /// <summary><c>flowlogs args… --endpoint-url &lt;fake&gt;</c>.</summary>
    protected Task<CliResult> Run(params string[] args) =>
        CliProcess.RunAsync([.. args, "--endpoint-url", Ec2.Endpoint], new CliRun { Environment = Ec2.Environment });

    protected static void AssertOk(CliResult result) => Assert.True(result.ExitCode == 0, result.ToString());

    protected static bool HasStackTrace(string text) => text.Contains("   at ", StringComparison.Ordinal);
}
