using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Core.Parsing;
using FlowLogWarehouse.Loader.Decoding;
using FlowLogWarehouse.Loader.Pipeline;
using FlowLogWarehouse.Loader.Sources.S3;
using FlowLogWarehouse.Loader.Warehouse;
using FlowLogWarehouse.Loader.Writing;
using Serilog;

namespace FlowLogWarehouse.Loader.Remote;

/// <summary>
/// Runs a batch through a remote converter and turns what it wrote into a batch like a local one: each staged Parquet
/// object checked (footer: columns, types, rows) and given its place in the warehouse's layout, the rows of all of
/// them matched against the converter's accounting, bad lines gathered into the batch's quarantine file. Nothing
/// moves into the warehouse here: the commit copies the staged objects into place.
/// </summary>
internal static class RemoteBatchRunner
{
    public static async Task<BatchOutput> RunAsync(
        IRemoteConverter converter, S3WarehouseStore store, string batch, IReadOnlyList<SourcePlan> plans, BatchSchema schema,
        LoadOptions options, string localStaging, PartitionGranularity granularity, ILogger log, CancellationToken cancellationToken)
    {
        var stagingRelative = WarehousePaths.RemoteOf(batch);
        var staging = new S3Path(store.Location.Bucket, store.Location.KeyOf(stagingRelative + "/"));
        var defaults = new PartitionDefaults(options.DefaultAccountId, options.DefaultRegion);
        var result = await converter.ConvertAsync(new RemoteBatchRequest(batch, plans, staging, defaults, options.MaxBadRatio, granularity), cancellationToken);
        if (result.Sources.Count != plans.Count)
            throw new LoadFailedException($"The {converter.Name} converter accounted for {result.Sources.Count} of the batch's {plans.Count} sources.");

        var states = SourceState.ForBatch(plans, schema);
        foreach (var state in states)
        {
            var r = result.Sources[state.Index];
            (state.LinesRead, state.Rows, state.Quarantined, state.Skipped, state.NeedsOwnProbe) = (r.LinesRead, r.Rows, r.Quarantined, r.Skipped, r.NeedsOwnProbe);
            state.Error = r.Error ?? (r.NeedsOwnProbe ? $"its header is not that of the other objects of its flow log ({state.Plan.Format.Text})" : null);
        }
        foreach (var state in states.Where(s => s.Error is null && s.LinesRead != s.Rows + s.Quarantined + s.Skipped))
            throw new LoadFailedException(
                $"The {converter.Name} converter's accounting of {state.Plan.Source.DisplayName} does not add up: {state.LinesRead} lines read, " +
                $"{state.Rows} rows, {state.Quarantined} quarantined, {state.Skipped} skipped.");

        var quarantine = new QuarantineSink(Path.Combine(localStaging, "quarantine.jsonl"));
        foreach (var folder in result.QuarantineFolders)
            await GatherQuarantineAsync(store, $"{stagingRelative}/{RemoteStaging.Quarantine}/{folder}", quarantine, cancellationToken);
        if (!result.Written)
            return new BatchOutput(states, [], quarantine) { FailuresIsolated = true };

        var files = new List<WrittenFile>();
        var staged = new List<StagedFile>();
        foreach (var folder in result.RowFolders)
        {
            var root = $"{stagingRelative}/{RemoteStaging.Rows}/{folder}/";
            foreach (var key in await store.ListKeysAsync(root, cancellationToken))
            {
                var relative = store.RelativeOf(key);
                if (Path.GetFileName(relative).StartsWith('_') || Path.GetFileName(relative).StartsWith('.'))
                    continue;
                var partition = Partition(relative[root.Length..], store.Location.Bucket + "/" + key, granularity);
                var target = $"{partition.RelativeDirectory}/{batch}-{files.Count}.parquet";
                var size = await SizeAsync(store, key, cancellationToken);
                var rows = await StagedParquet.RowsAsync(store.Client, store.Location.Bucket, key, size, schema, cancellationToken);
                files.Add(new WrittenFile(target, rows, size));
                staged.Add(StagedFile.Remote(relative, target));
            }
        }
        var expected = states.Where(s => s.Error is null).Sum(s => s.Rows);
        var found = files.Sum(f => f.Rows);
        if (found != expected)
            throw new LoadFailedException(
                $"The {converter.Name} converter counted {expected:N0} rows but its Parquet files hold {found:N0}; nothing was committed.");
        log.Debug("Converter {Converter} staged {Files} file(s) with {Rows} row(s) for batch {Batch}", converter.Name, files.Count, found, batch);
        return new BatchOutput(states, files, quarantine) { Staged = staged, FailuresIsolated = true };
    }

    /// <summary>The partition of <c>part_account=…/part_region=…/part_year=…/…/file</c>, every value checked.</summary>
    private static PartitionKey Partition(string path, string what, PartitionGranularity granularity)
    {
        var parts = path.Split('/');
        var columns = RemoteStaging.PartitionColumnsFor(granularity);
        if (parts.Length != columns.Count + 1)
            throw new LoadFailedException($"s3://{what} is not in a {string.Join("=…/", columns)}=…/ folder.");
        var values = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var prefix = columns[i] + "=";
            if (!parts[i].StartsWith(prefix, StringComparison.Ordinal))
                throw new LoadFailedException($"s3://{what}: expected a folder {prefix}…, found '{parts[i]}'.");
            values[i] = Uri.UnescapeDataString(parts[i][prefix.Length..]);
        }
        if (!LineParser.IsPartitionSafe(values[0]) || !LineParser.IsPartitionSafe(values[1]))
            throw new LoadFailedException($"s3://{what}: '{values[0]}' / '{values[1]}' cannot name an account and region partition.");
        var hourText = granularity == PartitionGranularity.Hour ? values[5] : "00";
        if (!DateTime.TryParseExact($"{values[2]}-{values[3]}-{values[4]} {hourText}", "yyyy-MM-dd HH", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
            throw new LoadFailedException($"s3://{what}: the year, month, day (and hour) folders do not name a time.");
        return new PartitionKey(values[0], values[1], (long)(start - DateTime.UnixEpoch).TotalHours, granularity);
    }

    private static async Task<long> SizeAsync(S3WarehouseStore store, string key, CancellationToken cancellationToken)
    {
        var head = await S3Errors.Guard(() => store.Client.GetObjectMetadataAsync(store.Location.Bucket, key, cancellationToken), $"s3://{store.Location.Bucket}/{key}", "look at");
        return head.ContentLength;
    }

    /// <summary>Bad lines the converter kept (gzipped JSON lines), into the batch's quarantine file, streamed.</summary>
    private static async Task GatherQuarantineAsync(S3WarehouseStore store, string folder, QuarantineSink sink, CancellationToken cancellationToken)
    {
        foreach (var key in await store.ListKeysAsync(folder, cancellationToken))
        {
            var what = $"s3://{store.Location.Bucket}/{key}";
            if (Path.GetFileName(key).StartsWith('_') || Path.GetFileName(key).StartsWith('.'))
                continue;
            using var response = await S3Errors.Guard(() => store.Client.GetObjectAsync(store.Location.Bucket, key, cancellationToken), what, "read");
            var head = new byte[2];
            var body = new BufferedStream(response.ResponseStream, 1 << 16);
            var n = await body.ReadAtLeastAsync(head, 2, throwOnEndOfStream: false, cancellationToken);
            Stream text = new PrefixStream(head, n, body);
            if (n == 2 && head[0] == 0x1f && head[1] == 0x8b)
                text = new GZipStream(text, CompressionMode.Decompress);
            using var reader = new StreamReader(text);
            var entries = new List<QuarantineEntry>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                entries.Add(Entry(line, what));
                if (entries.Count == 1000)
                {
                    sink.Add(entries);
                    entries.Clear();
                }
            }
            sink.Add(entries);
        }
    }

    private static QuarantineEntry Entry(string json, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new QuarantineEntry(
                Text(RemoteQuarantine.Source) ?? "", null, null, Text(RemoteQuarantine.Field), Text(RemoteQuarantine.Value),
                Text(RemoteQuarantine.Reason) ?? "", Text(RemoteQuarantine.Raw) ?? "", null);
        }
        catch (JsonException e)
        {
            throw new LoadFailedException($"{what} holds a quarantine line that is not JSON: {e.Message}");
        }
    }
}
