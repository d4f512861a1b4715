using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Aws.Tests;

/// <summary>One server for a test class whose tests only add objects; tests that kill or restart start their own.</summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    public const string Bucket = "fixture";

    public S3Server Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await S3Server.StartAsync(Bucket);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
