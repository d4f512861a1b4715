using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.TestSupport;

/// <summary>
/// A real S3 server for tests: s3rver (tests/s3-server) in a child Node process on a loopback port, its objects as
/// files in a temp directory. Each instance has its own port, directory and buckets, so test classes can run in
/// parallel. The child exits when its stdin closes, so a test process that dies leaves no server behind.
/// </summary>
public sealed partial class S3Server : IAsyncDisposable
{
    /// <summary>s3rver's only key pair: another access key fails with InvalidAccessKeyId.</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    public const string Region = "us-east-1";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "tests", "s3-server");

    private readonly TempDirectory _directory = new("s3");
    private readonly string[] _buckets;
    private Process? _process;
    private Task _stderrDrained = Task.CompletedTask;
    private readonly StringBuilder _stderr = new();

    private S3Server(string[] buckets) => _buckets = buckets;

    /// <summary>Starts a server with <paramref name="buckets"/> already created.</summary>
    public static async Task<S3Server> StartAsync(params string[] buckets)
    {
        var server = new S3Server(buckets);
        try
        {
            // Port 0 lets the OS pick a free port while binding it: a port picked here and handed over could be taken
            // by another test's server in between. Restarts then ask for the port the first start got.
            await server.LaunchAsync(port: 0);
            server._client = server.CreateClient();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public int Port { get; private set; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Where s3rver keeps buckets and objects; it survives <see cref="Kill"/> and <see cref="RestartAsync"/>.</summary>
    public string DataDirectory => _directory.Path;

    public AwsSettings Settings => new() { EndpointUrl = Endpoint, Region = Region };

    /// <summary>Credentials and region for a child process (e.g. flowlogs) that resolves the SDK's default chain.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_REGION"] = Region,
    };

    public int? ProcessId => _process?.Id;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A client of this server, configured as the application configures one for an endpoint URL.</summary>
    public IAmazonS3 CreateClient(int maxConnections = 16) =>
        S3Clients.Create(Settings, maxConnections, new BasicAWSCredentials(AccessKey, SecretKey));

    /// <summary>SIGKILL, as a crash would: no request in flight is finished. The data directory stays.</summary>
    public void Kill()
    {
        if (_process is not { } process)
            return;
        _process = null;
        using (process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It had already exited.
            }
            if (!process.WaitForExit(ExitTimeout))
                throw new TimeoutException($"s3rver (pid {process.Id}) did not exit within {ExitTimeout} of SIGKILL.");
        }
    }

    /// <summary>Kills the server if it runs, then starts it again on the same port and data directory.</summary>
    public async Task RestartAsync()
    {
        Kill();
        await LaunchAsync(Port);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        try
        {
            Kill();
        }
        finally
        {
            _directory.Dispose();
        }
        await _stderrDrained.WaitAsync(ExitTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public override string ToString() => $"s3rver at {Endpoint}, data in {DataDirectory}";

    private async Task LaunchAsync(int port)
    {
        // A missing install is a broken setup, never a reason to skip: S3 behaviour would silently go untested.
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@20minutes", "s3rver")))
            throw new InvalidOperationException($"The local S3 server is not installed ({Folder}/node_modules is missing): run `make s3-server` (`make test` does it).");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        // s3rver's ListObjectsV2 continuation tokens are DES, only in OpenSSL 3's legacy provider (server.mjs checks).
        start.ArgumentList.Add("--openssl-legacy-provider");
        start.ArgumentList.Add(Path.Combine(Folder, "server.mjs"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--directory");
        start.ArgumentList.Add(DataDirectory);
        foreach (var bucket in _buckets)
        {
            start.ArgumentList.Add("--bucket");
            start.ArgumentList.Add(bucket);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"The local S3 server needs Node 20 on PATH ({e.Message}); then run `make s3-server`.", e);
        }
        _process = process;
        lock (_stderr)
            _stderr.Clear();
        _stderrDrained = DrainAsync(process.StandardError, _stderr);

        string? line;
        var timedOut = false;
        try
        {
            line = await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            (line, timedOut) = (null, true);
        }
        var ready = line is null ? null : ReadyLine().Match(line);
        if (ready is not { Success: true })
        {
            // Killed before its stderr is read: the pipe ends only when the process is gone.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(ExitTimeout);
            var what = timedOut ? $"did not report ready within {StartTimeout}"
                : line is null ? $"exited (code {process.ExitCode}) before it was ready"
                : $"printed '{line}' instead of its ready line";
            var stderr = await StderrAsync();
            Kill();
            throw timedOut ? new TimeoutException($"s3rver {what}.{stderr}") : new InvalidOperationException($"s3rver {what}.{stderr}");
        }
        var actual = int.Parse(ready.Groups["port"].Value, CultureInfo.InvariantCulture);
        if (port != 0 && actual != port)
        {
            Kill();
            throw new InvalidOperationException($"s3rver listens on port {actual}, not on {port} as asked.");
        }
        Port = actual;
        // s3rver is silent, but a child blocked on a full stdout pipe would stop answering.
        _ = DrainAsync(process.StandardOutput, null);
    }

    private async Task<string> StderrAsync()
    {
        await _stderrDrained.WaitAsync(ExitTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_stderr)
            return _stderr.Length == 0 ? " It wrote nothing to stderr." : $"\n--- stderr\n{_stderr}";
    }

    private static async Task DrainAsync(StreamReader reader, StringBuilder? into)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                if (into is not null)
                    lock (into)
                        into.Append(buffer, 0, read);
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            // Kill disposed the process and its pipes under this read.
        }
    }

    [GeneratedRegex(@"^s3rver listening on 127\.0\.0\.1:(?<port>\d+)$")]
    private static partial Regex ReadyLine();
}
