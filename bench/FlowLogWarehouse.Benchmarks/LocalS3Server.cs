using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>
/// s3rver (tests/s3-server) in a child Node process on a loopback port, for the s3 set. The tests' S3Server is not
/// used because the bench references no test project. The child exits when its stdin closes, so even a bench killed
/// outright leaves no server behind; disposing closes stdin, and kills the child if it lingers.
/// </summary>
internal sealed partial class LocalS3Server : IAsyncDisposable
{
    // s3rver's only key pair: another access key is InvalidAccessKeyId.
    private const string AccessKey = "S3RVER";
    private const string SecretKey = "S3RVER";
    private const string Region = "us-east-1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StreamWriter _log;

    private LocalS3Server(Process process, StreamWriter log, int port, string bucket)
    {
        _process = process;
        _log = log;
        Endpoint = $"http://127.0.0.1:{port}";
        Bucket = bucket;
    }

    public string Endpoint { get; }

    public string Bucket { get; }

    /// <summary>Credentials and region for a child (flowlogs) that resolves the SDK's default chain.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_REGION"] = Region,
    };

    /// <summary>The server's CPU time so far: what it takes from the cores the loader runs on.</summary>
    public double CpuSeconds
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime.TotalSeconds;
        }
    }

    /// <summary>The server's peak RSS so far (VmHWM), uploads included.</summary>
    public long PeakRssBytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    /// <summary>Starts s3rver with its objects under <paramref name="dataDirectory"/> and <paramref name="bucket"/> created.</summary>
    public static async Task<LocalS3Server> StartAsync(string dataDirectory, string bucket, string logPath)
    {
        var folder = ServerFolder();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        // s3rver's ListObjectsV2 continuation tokens are DES, only in OpenSSL 3's legacy provider (server.mjs checks).
        // Port 0: the OS picks a free port while binding it, and the ready line says which.
        foreach (var arg in new[] { "--openssl-legacy-provider", Path.Combine(folder, "server.mjs"), "--port", "0", "--directory", dataDirectory, "--bucket", bucket })
            start.ArgumentList.Add(arg);

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BenchException("node did not start.");
        }
        catch (Win32Exception e)
        {
            await log.DisposeAsync();
            throw new BenchException($"The s3 set needs Node 20 on PATH to run the local S3 server ({e.Message}).");
        }
        var gate = new Lock();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (gate)
                    log.WriteLine(e.Data);
        };
        process.BeginErrorReadLine();

        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            line = null;
        }
        var ready = line is null ? null : ReadyLine().Match(line);
        if (ready is not { Success: true })
        {
            await StopAsync(process, log);
            throw new BenchException(
                $"s3rver did not start: {(line is null ? "no ready line" : $"it printed '{line}'")}; see {logPath}:{System.Environment.NewLine}{ProcessRunner.Tail(logPath)}");
        }
        // s3rver is silent, but a child blocked on a full stdout pipe would stop answering.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        return new LocalS3Server(process, log, int.Parse(ready.Groups["port"].Value, CultureInfo.InvariantCulture), bucket);
    }

    /// <summary>Every file of <paramref name="input"/>, its relative path as its key, several at a time.</summary>
    public async Task UploadAsync(FlowLogInput input, int parallel)
    {
        var settings = new AwsSettings { EndpointUrl = Endpoint, Region = Region };
        using var client = S3Clients.Create(settings, parallel, new BasicAWSCredentials(AccessKey, SecretKey));
        await Parallel.ForEachAsync(input.Files, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (file, token) =>
        {
            var key = Path.GetRelativePath(input.Directory, file).Replace(Path.DirectorySeparatorChar, '/');
            try
            {
                await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, FilePath = file }, token);
            }
            catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
            {
                throw new BenchException($"Uploading {key} to s3rver at {Endpoint} failed: {e.Message}");
            }
        });
    }

    public ValueTask DisposeAsync() => StopAsync(_process, _log);

    private static async ValueTask StopAsync(Process process, StreamWriter log)
    {
        try
        {
            process.StandardInput.Close();
            using var exit = new CancellationTokenSource(ExitTimeout);
            try
            {
                await process.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            process.Dispose();
            await log.DisposeAsync();
        }
    }

    /// <summary>tests/s3-server in this repository, installed; a missing install is the reader's to fix, so say how.</summary>
    private static string ServerFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "FlowLogWarehouse.sln")))
                continue;
            var folder = Path.Combine(dir.FullName, "tests", "s3-server");
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "@20minutes", "s3rver")))
                throw new BenchException($"The local S3 server is not installed ({folder}/node_modules is missing): run `make s3-server` (`make bench` does it).");
            return folder;
        }
        throw new BenchException($"No FlowLogWarehouse.sln above {AppContext.BaseDirectory}: the s3 set needs the repository's tests/s3-server.");
    }

    [GeneratedRegex(@"^s3rver listening on 127\.0\.0\.1:(?<port>\d+)$")]
    private static partial Regex ReadyLine();
}
