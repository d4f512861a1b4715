using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Core.Layout;

namespace FlowLogWarehouse.Athena.Engine;

/// <summary>
/// What the Athena side needs to know about a warehouse on S3 without scanning data (Athena bills by bytes read):
/// its accounts, regions, years and layout (a folder per hour or per day) from its folder names, for partition
/// projection; and how far its data reaches, from the loader's manifests, for reports' default window.
/// </summary>
public sealed partial class WarehouseOnS3(IAmazonS3 s3, S3Path warehouse)
{
    public sealed record Partitions(IReadOnlyList<string> Accounts, IReadOnlyList<string> Regions, int? FirstYear, PartitionGranularity Granularity);

    public async Task<Partitions> DiscoverAsync(CancellationToken cancellationToken)
    {
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        var regions = new SortedSet<string>(StringComparer.Ordinal);
        int? firstYear = null;
        PartitionGranularity? granularity = null;
        foreach (var account in await FoldersAsync(warehouse.KeyOf("AWSLogs/"), cancellationToken))
        {
            if (Value(account, "aws-account-id") is not { } id)
                continue;
            accounts.Add(id);
            foreach (var region in await FoldersAsync(account + "aws-service=vpcflowlogs/", cancellationToken))
            {
                if (Value(region, "aws-region") is not { } name)
                    continue;
                regions.Add(name);
                foreach (var year in await FoldersAsync(region, cancellationToken))
                {
                    if (Value(year, "year") is not { } y || !int.TryParse(y, out var value))
                        continue;
                    if (firstYear is null || value < firstYear)
                        firstYear = value;
                    granularity ??= await GranularityUnderAsync(year, cancellationToken);
                }
            }
        }
        return new Partitions(accounts.ToList(), regions.ToList(), firstYear, granularity ?? PartitionGranularity.Hour);
    }

    /// <summary>
    /// The layout, from the first day folder's children: <c>hour=</c> folders or data files. A few listings, no data
    /// read; per hour (the loader's default) while the warehouse holds nothing.
    /// </summary>
    public async Task<PartitionGranularity> GranularityAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var account in await FoldersAsync(warehouse.KeyOf("AWSLogs/"), cancellationToken))
                foreach (var region in await FoldersAsync(account + "aws-service=vpcflowlogs/", cancellationToken))
                    foreach (var year in (await FoldersAsync(region, cancellationToken)).Where(y => Value(y, "year") is not null))
                        if (await GranularityUnderAsync(year, cancellationToken) is { } found)
                            return found;
            return PartitionGranularity.Hour;
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            throw new Query.QueryException($"could not list the folders of the warehouse {warehouse} on S3: {e.Message}", e);
        }
    }

    private async Task<PartitionGranularity?> GranularityUnderAsync(string yearFolder, CancellationToken cancellationToken)
    {
        foreach (var month in (await FoldersAsync(yearFolder, cancellationToken)).Where(m => Value(m, "month") is not null))
        {
            foreach (var day in (await FoldersAsync(month, cancellationToken)).Where(d => Value(d, "day") is not null))
            {
                var request = new ListObjectsV2Request { BucketName = warehouse.Bucket, Prefix = day, Delimiter = "/", MaxKeys = 1000 };
                await foreach (var page in s3.PagesAsync(request, cancellationToken))
                {
                    if ((page.CommonPrefixes ?? []).Any(p => Value(p, "hour") is not null))
                        return PartitionGranularity.Hour;
                    if ((page.S3Objects ?? []).Any(o => o.Key.EndsWith(".parquet", StringComparison.Ordinal)))
                        return PartitionGranularity.Day;
                }
            }
        }
        return null;
    }

    /// <summary>The last hour with data, from the committed manifests' file paths; null when there are none.</summary>
    public async Task<DateTimeOffset?> LatestHourAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadLatestHourAsync(cancellationToken);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or JsonException)
        {
            throw new Query.QueryException($"could not read the manifests of the warehouse {warehouse} on S3: {e.Message}", e);
        }
    }

    private async Task<DateTimeOffset?> ReadLatestHourAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? latest = null;
        var request = new ListObjectsV2Request { BucketName = warehouse.Bucket, Prefix = warehouse.KeyOf("_flowlogs/manifest/") };
        await foreach (var page in s3.PagesAsync(request, cancellationToken))
        {
            foreach (var o in page.S3Objects ?? [])
            {
                if (!o.Key.EndsWith(".json", StringComparison.Ordinal))
                    continue;
                using var response = await s3.GetObjectAsync(warehouse.Bucket, o.Key, cancellationToken);
                using var manifest = await JsonDocument.ParseAsync(response.ResponseStream, cancellationToken: cancellationToken);
                if (!manifest.RootElement.TryGetProperty("files", out var files))
                    continue;
                foreach (var file in files.EnumerateArray())
                    if (file.TryGetProperty("path", out var path) && HourOf(path.GetString() ?? "") is { } hour && (latest is null || hour > latest))
                        latest = hour;
            }
        }
        return latest;
    }

    private async Task<IReadOnlyList<string>> FoldersAsync(string prefix, CancellationToken cancellationToken)
    {
        var folders = new List<string>();
        await foreach (var page in s3.PagesAsync(new ListObjectsV2Request { BucketName = warehouse.Bucket, Prefix = prefix, Delimiter = "/" }, cancellationToken))
            folders.AddRange(page.CommonPrefixes ?? []);
        return folders;
    }

    private static string? Value(string folder, string key)
    {
        var name = folder.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return name.StartsWith(key + "=", StringComparison.Ordinal) ? name[(key.Length + 1)..] : null;
    }

    // A file of a per-day layout counts as reaching the day's last hour, as the DuckDB engine reads that layout.
    internal static DateTimeOffset? HourOf(string path)
    {
        var m = HourFolders().Match(path);
        if (!m.Success)
            return null;
        int Part(string name) => int.Parse(m.Groups[name].Value);
        try
        {
            return new DateTimeOffset(Part("y"), Part("m"), Part("d"), m.Groups["h"].Success ? Part("h") : 23, 0, 0, TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"/year=(?<y>\d{4})/month=(?<m>\d{1,2})/day=(?<d>\d{1,2})/(?:hour=(?<h>\d{1,2})/)?")]
    private static partial Regex HourFolders();
}
