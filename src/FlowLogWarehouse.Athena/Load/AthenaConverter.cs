using System.Collections.Concurrent;
using FlowLogWarehouse.Athena.Ddl;
using FlowLogWarehouse.Athena.Engine;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Loader.Decoding;
using FlowLogWarehouse.Loader.Remote;
using Serilog;

namespace FlowLogWarehouse.Athena.Load;

/// <summary>
/// <c>load --engine athena</c>: raw text delivery becomes the Parquet warehouse inside Athena, for volumes one machine
/// cannot parse. Per folder of delivered objects with one format (a day, or an hour in the hourly layout): a table of
/// raw lines over the folder, one query for the line accounting of each object, then UNLOADs of the good rows
/// (Parquet, zstd, the warehouse's partitions) and of the bad lines (JSON). The loader around it lists, plans,
/// checks the files and commits as for any load.
/// <para>
/// What Athena cannot give: line numbers of bad lines (quarantine entries have none), a check that text is valid
/// UTF-8 (Athena reads invalid bytes as U+FFFD), and a guarantee that an object did not change between the listing
/// and the queries (no ETag condition on Athena's reads).
/// </para>
/// </summary>
public sealed class AthenaConverter(AthenaQueryRunner runner, AthenaSettings settings, ILogger log, int concurrency = 4) : IRemoteConverter
{
    private long _bytesScanned;
    private int _queries;

    public string Name => "athena";

    /// <summary>Bytes Athena scanned (and billed) for this converter's queries so far.</summary>
    public long BytesScanned => Interlocked.Read(ref _bytesScanned);

    public int Queries => _queries;

    /// <summary>Every statement run so far, in order of starting: what tests check against Athena's grammar.</summary>
    public ConcurrentQueue<LoadStatement> Statements { get; } = new();

    public async Task<RemoteBatch> ConvertAsync(RemoteBatchRequest request, CancellationToken cancellationToken)
    {
        var plans = request.Plans;
        var schema = BatchSchema.Union(plans.Select(p => p.Format));
        var counts = new RemoteSourceResult?[plans.Count];
        for (var i = 0; i < plans.Count; i++)
            if (Unsupported(plans[i]) is { } why)
                counts[i] = new RemoteSourceResult(plans[i], 0, 0, 0, 0) { Error = why };

        var folders = Enumerable.Range(0, plans.Count).Where(i => counts[i] is null)
            .GroupBy(i => (Folder: FolderOf(plans[i].Source.Id), plans[i].Format.Text))
            .Select((g, n) => new Part(n, Folder(request, g.Key.Folder, plans[g.First()], n), g.ToList()))
            .ToList();
        await RunAsync(new LoadStatement(AthenaDdl.CreateDatabase(settings.Database), [], AthenaDdl.CreateDatabase(settings.Database), true), cancellationToken);
        try
        {
            await ForEachAsync(folders, part => AccountAsync(part, plans, counts, cancellationToken), cancellationToken);
            var result = counts.Select(c => c!).ToList();
            if (result.Any(r => r.NeedsOwnProbe))
                return new RemoteBatch(result, [], []) { Written = false };

            var good = result.Where(r => r.Error is null).ToList();
            var bad = good.Sum(r => r.Quarantined);
            var records = bad + good.Sum(r => r.Rows);
            var tooBad = records > 0 && (double)bad / records > request.MaxBadRatio;
            var rowFolders = new ConcurrentBag<string>();
            var quarantineFolders = new ConcurrentBag<string>();
            var failedFolders = new ConcurrentBag<string>();
            await ForEachAsync(folders, async part =>
            {
                var members = part.Members.Where(i => counts[i]!.Error is null).ToList();
                if (members.Count == 0)
                    return;
                var paths = members.Select(i => plans[i].Source.Id).ToList();
                var name = $"f{part.Number}";
                try
                {
                    if (!tooBad && members.Sum(i => counts[i]!.Rows) > 0)
                    {
                        await RunAsync(LoadStatements.UnloadRows(part.Folder, paths, schema, request.Granularity, Target(request.Staging, RemoteStaging.Rows, name)), cancellationToken);
                        rowFolders.Add(name);
                    }
                    if (members.Sum(i => counts[i]!.Quarantined) > 0)
                    {
                        await RunAsync(LoadStatements.UnloadQuarantine(part.Folder, paths, Target(request.Staging, RemoteStaging.Quarantine, name)), cancellationToken);
                        quarantineFolders.Add(name);
                    }
                }
                catch (AthenaQueryException e)
                {
                    failedFolders.Add(name);
                    foreach (var i in members)
                        counts[i] = counts[i]! with { Error = Describe(e) };
                }
            }, cancellationToken);
            result = counts.Select(c => c!).ToList();
            // What a failed UNLOAD wrote must not be read: list only the folders whose statements all finished.
            var failed = failedFolders.ToHashSet(StringComparer.Ordinal);
            return new RemoteBatch(result, rowFolders.Where(f => !failed.Contains(f)).Order().ToList(), quarantineFolders.Where(f => !failed.Contains(f)).Order().ToList())
            {
                Written = !tooBad,
            };
        }
        finally
        {
            foreach (var part in folders.Where(p => p.Created))
                await DropQuietlyAsync(part);
            log.Information("Athena: {Queries} queries, {Bytes:N0} bytes scanned", _queries, BytesScanned);
        }
    }

    private sealed class Part(int number, RawFolder folder, List<int> members)
    {
        public int Number => number;
        public RawFolder Folder => folder;
        public List<int> Members => members;
        public bool Created { get; set; }
    }

    /// <summary>
    /// The accounting of one folder's objects. A failed query is tried again object by object, so one unreadable
    /// object (a corrupt gzip) fails alone and the rest load.
    /// </summary>
    private async Task AccountAsync(Part part, IReadOnlyList<SourcePlan> plans, RemoteSourceResult?[] counts, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(LoadStatements.CreateRawTable(settings.Database, part.Folder.Table, part.Folder.Location), cancellationToken);
            part.Created = true;
        }
        catch (AthenaQueryException e)
        {
            foreach (var i in part.Members)
                counts[i] = Failed(plans[i], e);
            return;
        }
        try
        {
            await CountAsync(part, part.Members, plans, counts, cancellationToken);
        }
        catch (AthenaQueryException e) when (part.Members.Count > 1)
        {
            log.Warning("Athena could not read {Folder} as a whole ({Reason}); reading its {Count} objects one by one", part.Folder.Location, e.Message, part.Members.Count);
            foreach (var i in part.Members)
            {
                try
                {
                    await CountAsync(part, [i], plans, counts, cancellationToken);
                }
                catch (AthenaQueryException one)
                {
                    counts[i] = Failed(plans[i], one);
                }
            }
        }
        catch (AthenaQueryException e)
        {
            counts[part.Members[0]] = Failed(plans[part.Members[0]], e);
        }
    }

    private async Task CountAsync(Part part, IReadOnlyList<int> members, IReadOnlyList<SourcePlan> plans, RemoteSourceResult?[] counts, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        await using (var result = await StartAsync(LoadStatements.Accounting(part.Folder, members.Select(i => plans[i].Source.Id).ToList()), cancellationToken))
        {
            await foreach (var row in result.ReadRowsAsync(cancellationToken))
                if (row[0] is string source)
                    found[source] = row;
        }
        foreach (var i in members)
        {
            var plan = plans[i];
            // An object without lines has no row in the result.
            var row = found.GetValueOrDefault(plan.Source.Id) ?? [plan.Source.Id, 0L, 0L, 0L, 0L, 0L];
            var lines = Number(row[1]);
            var counted = new RemoteSourceResult(plan, lines, Number(row[2]), Number(row[4]), Number(row[3]));
            counts[i] = Number(row[5]) > 0 && plan.Inherited ? counted with { NeedsOwnProbe = true } : counted;
        }
    }

    private static long Number(object? value) => value switch
    {
        long l => l,
        int n => n,
        null => 0,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task RunAsync(LoadStatement statement, CancellationToken cancellationToken)
    {
        await using var result = await StartAsync(statement, cancellationToken);
    }

    private async Task<AthenaQueryResult> StartAsync(LoadStatement statement, CancellationToken cancellationToken)
    {
        Statements.Enqueue(statement);
        var result = await runner.RunAsync(new AthenaQuery(statement.Sql)
        {
            ExecutionParameters = statement.Parameters,
            Database = settings.Database,
            Catalog = settings.Catalog,
            WorkGroup = settings.WorkGroup,
            OutputLocation = settings.OutputLocation,
        }, cancellationToken);
        Interlocked.Increment(ref _queries);
        Interlocked.Add(ref _bytesScanned, result.ExecutionStatistics.DataScannedInBytes ?? 0);
        log.Debug("Athena query {QueryId}: {Bytes:N0} bytes scanned", result.QueryId, result.ExecutionStatistics.DataScannedInBytes ?? 0);
        return result;
    }

    private async Task DropQuietlyAsync(Part part)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await RunAsync(LoadStatements.DropRawTable(settings.Database, part.Folder.Table), timeout.Token);
        }
        catch (Exception e) when (e is AthenaException or OperationCanceledException)
        {
            log.Warning("Could not drop the raw table {Table}: {Reason}; drop it by hand", part.Folder.Table, e.Message);
        }
    }

    private Task ForEachAsync(IReadOnlyList<Part> parts, Func<Part, Task> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(parts, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, (part, _) => new ValueTask(body(part)));

    private RawFolder Folder(RemoteBatchRequest request, string folder, SourcePlan first, int number)
    {
        var key = first.Source.KeyInfo;
        var fallback = key.HourSinceEpoch * 3600;
        var table = $"flowlogs_raw_{request.Batch.ToLowerInvariant().Replace('-', '_')}_{number}";
        return new RawFolder(settings.Database, table, folder, first.Format, key.AccountId, key.Region, fallback,
            request.Defaults.AccountId, request.Defaults.Region);
    }

    /// <summary>The s3:// folder an object is in, with its trailing '/': a raw table's location.</summary>
    private static string FolderOf(string id) => id[..(id.LastIndexOf('/') + 1)];

    private static string Target(S3Path staging, string kind, string name) => $"{S3Path.Scheme}{staging.Bucket}/{staging.KeyOf($"{kind}/{name}/")}";

    private static string? Unsupported(SourcePlan plan) =>
        !plan.Source.IsS3 ? "only S3 objects can be loaded in Athena"
        : plan.Kind == InputKind.Parquet ? "AWS's Parquet delivery is already Parquet: load it without --engine athena, or query it where it is"
        : plan.Kind != InputKind.Text ? $"{plan.Kind} input cannot be loaded in Athena, only delivered text (.log.gz); load it without --engine athena"
        : null;

    private static string Describe(AthenaQueryException e) => $"Athena: {e.Message}";

    /// <summary>A source nothing of which was read: Athena failed on it.</summary>
    private static RemoteSourceResult Failed(SourcePlan plan, AthenaQueryException e) => new(plan, 0, 0, 0, 0) { Error = Describe(e) };
}
