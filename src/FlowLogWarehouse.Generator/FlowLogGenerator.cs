using System.Runtime.ExceptionServices;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;

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
}
