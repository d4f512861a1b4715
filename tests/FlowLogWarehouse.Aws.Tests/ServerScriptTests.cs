using System.Diagnostics;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Aws.Tests;

/// <summary>tests/s3-server/server.mjs run directly, for what S3Server relies on but cannot show.</summary>
public class ServerScriptTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Exits_when_stdin_closes()
    {
        using var directory = new TempDirectory("s3-script");
        using var process = Start(directory, "--openssl-legacy-provider");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(Limit);
        Assert.Matches(@"^s3rver listening on 127\.0\.0\.1:\d+$", ready);

        // What the kernel does to the pipe when the test process dies, however it dies.
        process.StandardInput.Close();

        await process.WaitForExitAsync().WaitAsync(Limit);
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Refuses_to_start_without_DES()
    {
        using var directory = new TempDirectory("s3-script");
        using var process = Start(directory);
        var stderr = process.StandardError.ReadToEndAsync();

        await process.WaitForExitAsync().WaitAsync(Limit);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--openssl-legacy-provider", await stderr);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
    }

    private static Process Start(TempDirectory directory, params string[] nodeOptions)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = S3Server.Folder,
        };
        foreach (var option in nodeOptions)
            start.ArgumentList.Add(option);
        foreach (var argument in new[] { Path.Combine(S3Server.Folder, "server.mjs"), "--port", "0", "--directory", directory.Path })
            start.ArgumentList.Add(argument);
        // An inherited NODE_OPTIONS could bring the legacy provider in by another door.
        start.Environment.Remove("NODE_OPTIONS");
        return Process.Start(start)!;
    }
}
