using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.S3.Model;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Aws.Tests;

/// <summary>The test server itself: each test starts its own, since they kill and restart it.</summary>
public class S3ServerTests
{
    [Fact]
    public async Task Starts_on_a_loopback_port_with_the_buckets_asked_for()
    {
        await using var first = await S3Server.StartAsync("alpha-logs", "beta-logs");
        await using var second = await S3Server.StartAsync();
        using var client = first.CreateClient();

        var buckets = await client.ListBucketsAsync();

        Assert.Equal(["alpha-logs", "beta-logs"], buckets.Buckets!.Select(b => b.BucketName).Order());
        Assert.NotEqual(first.Port, second.Port);
        Assert.Equal($"http://127.0.0.1:{first.Port}", first.Endpoint);
        Assert.Equal(first.Endpoint, first.Settings.EndpointUrl);
        Assert.Equal("us-east-1", first.Settings.Region);
        Assert.Equal(S3Server.AccessKey, first.Environment["AWS_ACCESS_KEY_ID"]);
        Assert.Equal(S3Server.SecretKey, first.Environment["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal(S3Server.Region, first.Environment["AWS_REGION"]);
    }

    [Fact]
    public async Task A_killed_server_refuses_requests()
    {
        await using var server = await S3Server.StartAsync("logs");
        using var client = server.CreateClient();
        var pid = server.ProcessId!.Value;

        server.Kill();

        Assert.False(server.IsRunning);
        Assert.False(IsAlive(pid));
        // Connection refused is not a service error: the SDK lets the HttpRequestException through after its retries.
        await Assert.ThrowsAsync<HttpRequestException>(() => client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "logs" }));
    }

    [Fact]
    public async Task A_restarted_server_has_the_same_port_and_objects()
    {
        await using var server = await S3Server.StartAsync("logs");
        // Made before the restart: clients keep working across it, as the loader's would across an outage.
        using var client = server.CreateClient();
        await server.PutAsync("logs", "kept/a.txt", "before");
        var port = server.Port;

        await server.RestartAsync();

        Assert.Equal(port, server.Port);
        Assert.True(server.IsRunning);
        Assert.Equal("before"u8.ToArray(), await server.GetBytesAsync("logs", "kept/a.txt"));
        await client.PutObjectAsync(new PutObjectRequest { BucketName = "logs", Key = "kept/b.txt", ContentBody = "after" });
        Assert.Equal(["kept/a.txt", "kept/b.txt"], await server.ListKeysAsync("logs", "kept/"));
    }

    [Fact]
    public async Task A_restart_on_a_port_taken_meanwhile_fails_with_nodes_error()
    {
        await using var server = await S3Server.StartAsync();
        server.Kill();
        using var squatter = new TcpListener(IPAddress.Loopback, server.Port);
        squatter.Start();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(server.RestartAsync);

        Assert.Contains("before it was ready", error.Message);
        Assert.Contains("EADDRINUSE", error.Message);
        Assert.False(server.IsRunning);
    }

    [Fact]
    public async Task Dispose_stops_the_server_and_deletes_its_data()
    {
        var server = await S3Server.StartAsync("logs");
        await server.PutAsync("logs", "a.txt", "a");
        var pid = server.ProcessId!.Value;
        var directory = server.DataDirectory;
        Assert.True(Directory.Exists(Path.Combine(directory, "logs")));

        await server.DisposeAsync();

        Assert.False(IsAlive(pid));
        Assert.False(Directory.Exists(directory));
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
