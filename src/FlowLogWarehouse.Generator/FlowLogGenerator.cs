using System.Runtime.ExceptionServices;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Generator;

/// <summary>
/// Deterministic synthetic VPC flow logs, written the way AWS delivers them to S3: one file per 5 minutes with a
/// header line. The same options give byte-identical files; files are written in parallel, each from its own seed.
/// </summary>
public static class FlowLogGenerator
{
    public static GeneratorResult Generate(GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        var plan = GenerationPlan.Create(options);
        long records = 0, bytes = 0;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.For(0, plan.FileCount, parallel,
                () => new FileWriter(plan),
                (index, _, writer) =>
                {
                    writer.Write(index, cancellationToken);
                    return writer;
                },
                writer =>
                {
                    Interlocked.Add(ref records, writer.Records);
                    Interlocked.Add(ref bytes, writer.Bytes);
                });
        }
        catch (AggregateException e)
        {
            if (cancellationToken.IsCancellationRequested && e.InnerExceptions.All(x => x is OperationCanceledException))
                throw new OperationCanceledException(cancellationToken);
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        return new GeneratorResult(plan.FileCount, records, bytes, plan.Format);
    }

    /// <summary>
    /// "v2": the default format; "v5": every field of versions 2 to 5 in catalog order; "all": every catalog field;
    /// anything else is a field list for <see cref="FlowLogFormat.Parse"/> (AWS <c>${a} ${b}</c> syntax or plain names).
    /// </summary>
    /// <exception cref="FlowLogFormatException">The field list is not valid.</exception>
    public static FlowLogFormat ResolveFormat(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Trim().ToLowerInvariant() switch
        {
            "v2" => FlowLogFormat.Default,
            "v5" => FlowLogFormat.Of(FieldCatalog.Fields.Where(f => f.Version <= 5)),
            "all" => FlowLogFormat.Of(FieldCatalog.Fields),
            _ => FlowLogFormat.Parse(format),
        };
    }

    internal static void Validate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
            GeneratorThrow.InvalidOption("OutputDirectory must name the directory to write the flow logs to.");
        if (options.Days < 1)
            GeneratorThrow.InvalidOption($"Days must be at least 1; got {options.Days}.");
        if (options.RowsPerDay < 1)
            GeneratorThrow.InvalidOption($"RowsPerDay must be at least 1; got {options.RowsPerDay}.");
        if ((Int128)options.RowsPerDay * options.Days > long.MaxValue)
            GeneratorThrow.InvalidOption($"Days × RowsPerDay ({options.Days} × {options.RowsPerDay}) is more records than can be counted.");
        CheckName("AccountId", options.AccountId, "123456789012");
        CheckName("Region", options.Region, "us-east-1");
        var first = options.Start.UtcDateTime.Date;
        if (first < DateTime.UnixEpoch)
            GeneratorThrow.InvalidOption($"Start must be 1970-01-01 or later (flow log times are Unix seconds); got {options.Start:O}.");
        if ((DateTime.MaxValue.Date - first).TotalDays < options.Days)
            GeneratorThrow.InvalidOption($"Start {first:yyyy-MM-dd} plus {options.Days} days goes past the year 9999.");
    }

    // Account and region name directories and file names, and the loader partitions by them: keep them path-safe.
    private static void CheckName(string option, string? value, string example)
    {
        if (value is null || !value.All(char.IsAscii) || !LineParser.IsPartitionSafe(System.Text.Encoding.ASCII.GetBytes(value)))
            GeneratorThrow.InvalidOption(
                $"{option} '{value}' cannot be used: 1 to 64 letters, digits, '-' or '_' (for example {example}).");
    }
}
