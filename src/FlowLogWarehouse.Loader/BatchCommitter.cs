using FlowLogWarehouse.Loader.Decoding;
using FlowLogWarehouse.Loader.Pipeline;
using FlowLogWarehouse.Loader.Warehouse;
using Serilog;

namespace FlowLogWarehouse.Loader;

/// <summary>
/// Makes a staged batch part of the warehouse. Order matters for crash safety: journal (what will move), files
/// renamed into place, manifest (the commit point), replaced batches retired, journal removed. Recovery undoes a
/// batch whose manifest is missing and finishes one whose manifest exists.
/// </summary>
internal static class BatchCommitter
{
    public static void Commit(WarehouseLayout layout, string batch, BatchOutput output, IReadOnlyList<SourcePlan> plans, IReadOnlyList<string> replaces, ILogger log)
    {
        var staging = layout.StagingOf(batch);
        var quarantine = output.Quarantine.Complete() ? layout.QuarantineOf(batch) : null;
        FaultInjection.At("before-journal");
        AtomicJson.Write(layout.JournalOf(batch), new BatchJournal(batch, output.Files.Select(f => f.Path).ToList(), replaces, quarantine));
        FaultInjection.At("after-journal");

        for (var i = 0; i < output.Files.Count; i++)
        {
            var target = layout.Full(output.Files[i].Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(staging, output.Files[i].Path), target);
            if (i == output.Files.Count / 2)
                FaultInjection.At("mid-rename");
        }
        if (quarantine is not null)
            File.Move(output.Quarantine.Path, layout.Full(quarantine));
        FaultInjection.At("before-manifest");

        var manifest = new BatchManifest
        {
            Batch = batch,
            CommittedAtUtc = DateTime.UtcNow,
            Tool = "flowlogs " + typeof(BatchCommitter).Assembly.GetName().Version,
            Sources = output.Sources.Select(s => new ManifestSource(
                s.Plan.Source.IsStdin ? "stdin:" + batch : s.Plan.Source.Id,
                s.Plan.Source.Size, s.Plan.Source.LastModifiedUtc, s.Plan.Kind.ToString(), s.Plan.Format.Text,
                s.LinesRead, s.Rows, s.Quarantined, s.Skipped)).ToList(),
            Files = output.Files,
            Replaces = replaces,
            Quarantine = quarantine,
        };
        AtomicJson.Write(layout.ManifestOf(batch), manifest);
        FaultInjection.At("after-manifest");

        foreach (var replaced in replaces)
        {
            Recovery.Retire(layout, replaced);
            log.Information("Replaced batch {Replaced}", replaced);
        }
        FaultInjection.At("after-retire");
        File.Delete(layout.JournalOf(batch));
        Directory.Delete(staging, recursive: true);
    }

    /// <summary>A load that failed on too many bad lines keeps them, so they can be read and fixed.</summary>
    public static string? KeepRejectedQuarantine(WarehouseLayout layout, string batch, QuarantineSink quarantine)
    {
        if (!quarantine.Complete())
            return null;
        var relative = $"_flowlogs/quarantine/{batch}.rejected.jsonl";
        File.Move(quarantine.Path, layout.Full(relative));
        return relative;
    }
}
