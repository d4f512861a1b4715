using System.IO.Compression;
using System.Text;
using Amazon.S3;
using FlowLogWarehouse.Athena.Engine;
using FlowLogWarehouse.Athena.Load;
using FlowLogWarehouse.Generator;
using FlowLogWarehouse.Loader;
using FlowLogWarehouse.Query.DuckDb;
using FlowLogWarehouse.TestSupport;
using Serilog;

namespace FlowLogWarehouse.Athena.Tests.Load;

/// <summary>
/// A real S3 server holding raw delivery (generated logs, v2 and v5, in AWS's key layout) and a fake Athena that
/// plays raw tables and UNLOAD over it (<see cref="FakeAthenaRawText"/>). Each test loads into buckets of its own.
/// In-process loads find S3's dummy keys through the SDK's default chain, so they go into the environment.
/// </summary>
public sealed class AthenaLoadFixture : IAsyncLifetime
{
    private static int _buckets;
    private readonly TempDirectory _generated = new("athena-load-raw");

    public S3Server S3 { get; private set; } = null!;

    public IAmazonS3 Client { get; private set; } = null!;

    public FakeAthenaClient Athena { get; private set; } = null!;

    public FakeAthenaRawText Raw { get; private set; } = null!;

    /// <summary>Relative keys (AWS's layout) and local paths of the generated .log.gz files.</summary>
    public IReadOnlyList<(string Key, string Path)> Logs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        foreach (var (name, value) in new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = S3Server.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = S3Server.SecretKey })
            Environment.SetEnvironmentVariable(name, value);
        S3 = await S3Server.StartAsync();
        Client = S3.CreateClient();
        Raw = new FakeAthenaRawText(Client);
        Athena = await FakeAthenaClient.StartAsync(Raw.Executor);
        Athena.Fake.DdlExecutor = Raw.Executor;
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = Path.Combine(_generated.Path, "v2"), Days = 2, RowsPerDay = 2_400, Seed = 11, Gzip = true });
        FlowLogGenerator.Generate(new GeneratorOptions
        {
            OutputDirectory = Path.Combine(_generated.Path, "v5"), Days = 1, RowsPerDay = 2_400, Seed = 12, Gzip = true, Format = "v5",
            AccountId = "210987654321", Region = "eu-west-3",
        });
        Logs = Directory.GetFiles(_generated.Path, "*.log.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where((_, i) => i % 16 == 0)
            .Select(p => (Path.GetRelativePath(_generated.Path, p).Replace('\\', '/').Split('/', 2)[1], p)).ToList();
    }

    /// <summary>A new empty bucket with a unique name.</summary>
    public async Task<string> NewBucketAsync(string purpose)
    {
        var name = $"{purpose}-{Interlocked.Increment(ref _buckets)}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 14)].TrimEnd('-');
        await Client.PutBucketAsync(name);
        return name;
    }

    public async Task UploadAsync(string bucket, IEnumerable<(string Key, string Path)> logs, string layout = "default") =>
        await Parallel.ForEachAsync(logs, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (log, _) => await S3.PutAsync(bucket, KeyIn(layout, log.Key), await File.ReadAllBytesAsync(log.Path)));

    /// <summary>
    /// A key of AWS's default layout (<c>AWSLogs/{account}/vpcflowlogs/{region}/{yyyy}/{MM}/{dd}/{name}</c>) in another
    /// of its layouts: organization, hive, or hourly (the hour from the name's time stamp).
    /// </summary>
    public static string KeyIn(string layout, string key)
    {
        var p = key.Split('/');
        var (account, region, yyyy, mm, dd, name) = (p[1], p[3], p[4], p[5], p[6], p[7]);
        var hour = System.Text.RegularExpressions.Regex.Match(name, @"_\d{8}T(\d{2})\d{2}Z_").Groups[1].Value;
        return layout switch
        {
            "default" => key,
            "organization" => $"AWSLogs/o-a1b2c3d4e5/{account}/vpcflowlogs/{region}/{yyyy}/{mm}/{dd}/{name}",
            "hive" => $"AWSLogs/aws-account-id={account}/aws-service=vpcflowlogs/aws-region={region}/year={yyyy}/month={mm}/day={dd}/{name}",
            "hourly" => $"AWSLogs/{account}/vpcflowlogs/{region}/{yyyy}/{mm}/{dd}/{hour}/{name}",
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
        };
    }

    public static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    public AthenaConverter Converter() =>
        new(Athena.Runner, new AthenaSettings { Database = "flowlogs_load", OutputLocation = "s3://athena-results/" }, Serilog.Core.Logger.None);

    /// <summary>Loads <paramref name="input"/> into <paramref name="warehouse"/> here, or in Athena with <paramref name="converter"/>.</summary>
    public Task<LoadSummary> LoadAsync(
        string input, string warehouse, AthenaConverter? converter, double maxBadRatio = 0.5, bool reload = false, Core.Layout.PartitionGranularity? partition = null) =>
        WarehouseLoader.LoadAsync(new LoadOptions
        {
            Inputs = [input], Warehouse = warehouse, Aws = S3.Settings, Converter = converter, MaxBadRatio = maxBadRatio, Reload = reload, Partition = partition,
        }, Serilog.Core.Logger.None);

    /// <summary>Every row of a warehouse on S3 (copied here, read by DuckDB through its manifests), sorted, as text.</summary>
    public async Task<List<string>> RowsOfS3Async(string bucket, string prefix)
    {
        using var copy = new TempDirectory("athena-load-copy");
        foreach (var key in await S3.ListKeysAsync(bucket, prefix))
        {
            var local = Path.Combine(copy.Path, key[prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            await File.WriteAllBytesAsync(local, await S3.GetBytesAsync(bucket, key));
        }
        return await RowsAsync(copy.Path);
    }

    public static async Task<List<string>> RowsAsync(string warehouse)
    {
        await using var engine = DuckDbEngine.Open(warehouse);
        await using var result = await engine.ExecuteAsync(new Query.QueryRequest("SELECT * FROM flow_logs ORDER BY ALL"), CancellationToken.None);
        var names = result.Columns.Select(c => c.Name).ToList();
        return (await result.ReadAllAsync()).Select(r => string.Join(" ", r.Select((v, i) => $"{names[i]}={v}"))).ToList();
    }

    public async Task DisposeAsync()
    {
        await Athena.DisposeAsync();
        Client.Dispose();
        await S3.DisposeAsync();
        _generated.Dispose();
    }
}
