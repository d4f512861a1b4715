using System.Text;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;
using FlowLogWarehouse.Loader.Decoding;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>A source during a load: how to parse it and its line accounting, updated by every parsing thread.</summary>
internal sealed class SourceState(int index, SourcePlan plan, FormatParser parsing)
{
    public readonly int Index = index;
    public readonly SourcePlan Plan = plan;
    public readonly LineParser Parser = parsing.Parser;

    /// <summary>Header text, to skip the same header repeated in files that were concatenated.</summary>
    public readonly byte[] HeaderText = parsing.HeaderText;

    /// <summary>The states of a batch's sources; sources of one format share its parser.</summary>
    public static List<SourceState> ForBatch(IReadOnlyList<SourcePlan> plans, BatchSchema schema)
    {
        // Thousands of five-minute files of one flow log each had a parser of their own (~1.5 KB of tables): 8 MB more
        // on 50 M lines than on 5 M.
        var parsers = new Dictionary<FlowLogFormat, FormatParser>();
        return plans.Select((plan, i) =>
        {
            if (!parsers.TryGetValue(plan.Format, out var parsing))
                parsers.Add(plan.Format, parsing = new FormatParser(new LineParser(plan.Format, schema), Encoding.ASCII.GetBytes(plan.Format.Text)));
            return new SourceState(i, plan, parsing);
        }).ToList();
    }

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

/// <summary>A format's parser and header line, for every source of that format.</summary>
internal sealed record FormatParser(LineParser Parser, byte[] HeaderText);
