using System.Text;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;
using FlowLogWarehouse.Loader.Decoding;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>A source during a load: how to parse it and its line accounting, updated by every parsing thread.</summary>
internal sealed class SourceState(int index, SourcePlan plan, BatchSchema schema)
{
    public readonly int Index = index;
    public readonly SourcePlan Plan = plan;
    public readonly LineParser Parser = new(plan.Format, schema);

    /// <summary>Header text, to skip the same header repeated in files that were concatenated.</summary>
    public readonly byte[] HeaderText = Encoding.ASCII.GetBytes(plan.Format.Text);

    public long LinesRead;
    public long Rows;
    public long Quarantined;
    public long Skipped;
    public string? Error;

    /// <summary>Its inherited plan did not fit (<see cref="SourcePlan.Inherited"/>): probe it on its own and run again.</summary>
    public bool NeedsOwnProbe;

    public void Add(in LineCounts counts)
    {
        Interlocked.Add(ref LinesRead, counts.LinesRead);
        Interlocked.Add(ref Rows, counts.Rows);
        Interlocked.Add(ref Quarantined, counts.Quarantined);
        Interlocked.Add(ref Skipped, counts.Skipped);
    }
}

/// <summary>Per-chunk tallies, added to the source once, not per line.</summary>
internal struct LineCounts
{
    public long LinesRead;
    public long Rows;
    public long Quarantined;
    public long Skipped;
}
