using System.IO.Compression;
using System.Text.RegularExpressions;
using FlowLogWarehouse.Generator;
using FlowLogWarehouse.TestSupport;

namespace FlowLogWarehouse.Loader.Tests.S3;

/// <summary>AWS's key layouts for flow logs delivered to S3.</summary>
public enum KeyLayout
{
    Default,
    Organization,
    Hive,
    Hourly,
}

/// <summary>A generated flow log file: its day, hour, name and record count (lines after the header).</summary>
public sealed record GeneratedLog(string Path, DateOnly Day, int Hour, string Name, long Records);

/// <summary>
/// Generated gzip flow logs (v2, with header, as AWS delivers them), uploaded to a bucket under one of AWS's layouts.
/// Keys name the region <see cref="Region"/>, which the v2 records do not carry, so it can only come from the key.
/// </summary>
public sealed partial class S3Uploads : IDisposable
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-3";
    public static readonly DateOnly FirstDay = new(2026, 11, 1);

    private readonly TempDirectory _directory = new("s3-inputs");

    public S3Uploads(int days, long rowsPerDay, int everyNthFile)
    {
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = _directory.Path, Days = days, RowsPerDay = rowsPerDay, Seed = 5, Gzip = true });
        Logs = Directory.GetFiles(_directory.Path, "*.log.gz", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Where((_, i) => i % everyNthFile == 0)
            .Select(Describe)
            .ToList();
    }

    public IReadOnlyList<GeneratedLog> Logs { get; }

    public IEnumerable<GeneratedLog> On(DateOnly day) => Logs.Where(l => l.Day == day);

    public static string KeyOf(GeneratedLog log, KeyLayout layout, string prefix = "")
    {
        var (d, h) = (log.Day, log.Hour);
        return prefix + layout switch
        {
            KeyLayout.Default => $"AWSLogs/{Account}/vpcflowlogs/{Region}/{d:yyyy}/{d:MM}/{d:dd}/{log.Name}",
            KeyLayout.Organization => $"AWSLogs/o-a1b2c3d4e5/{Account}/vpcflowlogs/{Region}/{d:yyyy}/{d:MM}/{d:dd}/{log.Name}",
            KeyLayout.Hive => $"AWSLogs/aws-account-id={Account}/aws-service=vpcflowlogs/aws-region={Region}/year={d:yyyy}/month={d:MM}/day={d:dd}/{log.Name}",
            _ => $"AWSLogs/{Account}/vpcflowlogs/{Region}/{d:yyyy}/{d:MM}/{d:dd}/{h:D2}/{log.Name}",
        };
    }

    /// <summary>The folder of one day, as it appears in listed prefixes.</summary>
    public static string DayFolder(DateOnly d, KeyLayout layout) =>
        layout == KeyLayout.Hive ? $"year={d:yyyy}/month={d:MM}/day={d:dd}/" : $"/{d:yyyy}/{d:MM}/{d:dd}/";

    public async Task UploadAsync(S3Server server, string bucket, KeyLayout layout, IEnumerable<GeneratedLog> logs, string prefix = "")
    {
        await Parallel.ForEachAsync(logs, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (log, _) => await server.PutAsync(bucket, KeyOf(log, layout, prefix), await File.ReadAllBytesAsync(log.Path)));
    }

    private static GeneratedLog Describe(string path)
    {
        var name = Path.GetFileName(path);
        var m = StampPattern().Match(name);
        Assert.True(m.Success, $"unexpected generated name {name}");
        var day = DateOnly.ParseExact(m.Groups[1].Value, "yyyyMMdd");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        long lines = 0;
        while (reader.ReadLine() is not null)
            lines++;
        return new GeneratedLog(path, day, int.Parse(m.Groups[2].Value), name, lines - 1);
    }

    [GeneratedRegex(@"_(\d{8})T(\d{2})\d{2}Z_")]
    private static partial Regex StampPattern();

    public void Dispose() => _directory.Dispose();
}
