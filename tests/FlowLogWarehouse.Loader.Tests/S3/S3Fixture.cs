using Amazon.S3;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Loader.Tests.S3;

/// <summary>
/// One S3 server and one set of generated logs per test class; each test makes its own buckets. In-process loads
/// resolve credentials through the SDK's default chain, so the server's dummy keys go into this process's environment.
/// </summary>
public sealed class S3Fixture : IAsyncLifetime
{
    private static int _buckets;

    public S3Server Server { get; private set; } = null!;

    public IAmazonS3 Client { get; private set; } = null!;

    /// <summary>Three days, a file every two hours of each (12 objects a day).</summary>
    public S3Uploads Uploads { get; } = new(days: 3, rowsPerDay: 14_400, everyNthFile: 24);

    public async Task InitializeAsync()
    {
        foreach (var (name, value) in new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = S3Server.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = S3Server.SecretKey })
            Environment.SetEnvironmentVariable(name, value);
        Server = await S3Server.StartAsync();
        Client = Server.CreateClient();
    }

    /// <summary>A new empty bucket with a unique name.</summary>
    public async Task<string> NewBucketAsync(string purpose)
    {
        var name = $"{purpose}-{Interlocked.Increment(ref _buckets)}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 14)].TrimEnd('-');
        await Client.PutBucketAsync(name);
        return name;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Uploads.Dispose();
    }
}
