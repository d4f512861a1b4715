using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Loader.Sources;

namespace FlowLogWarehouse.Loader;

/// <summary>What a load reads, where it writes, and its limits.</summary>
public sealed record LoadOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>A directory, or an s3://bucket/prefix.</summary>
    public required string Warehouse { get; init; }

    /// <summary>Delivery days to read (by the dates in sources' paths); null reads everything given.</summary>
    public DeliveryDays? Days { get; init; }

    /// <summary>Profile, region and endpoint for s3:// inputs and warehouses.</summary>
    public AwsSettings Aws { get; init; } = new();

    /// <summary>S3 requests in flight at once: listings, downloads ahead of the reader, uploads.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Local folder for staging batches of an S3 warehouse; null means the temp folder.</summary>
    public string? StagingDirectory { get; init; }

    /// <summary>Format of sources without a header line: AWS syntax or plain names; null for the default v2 format.</summary>
    public string? Format { get; init; }

    /// <summary>
    /// A folder per hour or per day; null keeps the warehouse's own layout (per hour for a new one). A warehouse holds
    /// one layout: asking for the other is refused.
    /// </summary>
    public PartitionGranularity? Partition { get; init; }

    /// <summary>Replace the rows of sources that were loaded before instead of skipping them.</summary>
    public bool Reload { get; init; }

    /// <summary>Bad records / (rows + bad records) above which the load fails and nothing is committed.</summary>
    public double MaxBadRatio { get; init; } = 0.5;

    /// <summary>Account and region for records and source paths that name neither.</summary>
    public string DefaultAccountId { get; init; } = "unknown";

    public string DefaultRegion { get; init; } = "unknown";

    /// <summary>
    /// Converts the batch elsewhere (Athena) instead of parsing it here; needs S3 text sources and a warehouse on S3.
    /// Null parses here.
    /// </summary>
    public Remote.IRemoteConverter? Converter { get; init; }

    /// <summary>Parsing threads; 0 means one per core.</summary>
    public int ParseThreads { get; init; }

    public int WriterThreads { get; init; } = 2;

    /// <summary>Rows per Parquet row group (and the most a partition buffers before it is written).</summary>
    public int RowGroupRows { get; init; } = 96 * 1024;

    /// <summary>Memory for rows not yet written (pending, queued and being written); what keeps peak RSS flat.</summary>
    public long BufferBudgetBytes { get; init; } = 64L << 20;

    public int ChunkBytes { get; init; } = 1 << 20;

    public int MaxOpenFiles { get; init; } = 256;

    internal void Validate()
    {
        if (Inputs.Count == 0)
            throw new ArgumentException("Give at least one input: a file, a directory or '-' for stdin.");
        if (string.IsNullOrWhiteSpace(Warehouse))
            throw new ArgumentException("--warehouse is required: the directory or s3:// prefix of the Parquet warehouse.");
        if (Concurrency is < 1 or > 256)
            throw new ArgumentException($"--concurrency must be between 1 and 256, not {Concurrency}.");
        if (MaxBadRatio is < 0 or > 1 || double.IsNaN(MaxBadRatio))
            throw new ArgumentException($"--max-bad-ratio must be between 0 and 1, not {MaxBadRatio}.");
        if (!Core.Parsing.LineParser.IsPartitionSafe(DefaultAccountId))
            throw new ArgumentException($"The default account id '{DefaultAccountId}' cannot name a partition (letters, digits, '-' and '_' only).");
        if (!Core.Parsing.LineParser.IsPartitionSafe(DefaultRegion))
            throw new ArgumentException($"The default region '{DefaultRegion}' cannot name a partition (letters, digits, '-' and '_' only).");
        if (Converter is not null && !S3Path.IsS3(Warehouse))
            throw new ArgumentException($"Loading with --engine {Converter.Name} needs the warehouse on S3 (--warehouse s3://bucket/prefix): {Converter.Name} writes there.");
        if (Converter is not null && Inputs.FirstOrDefault(i => !S3Path.IsS3(i)) is { } local)
            throw new ArgumentException($"Loading with --engine {Converter.Name} reads sources on S3 only; '{local}' is not an s3:// address.");
        if (RowGroupRows < 1 || ChunkBytes < 1024 || BufferBudgetBytes < 1 << 20 || MaxOpenFiles < 1 || WriterThreads < 1 || ParseThreads < 0)
            throw new ArgumentException("Buffer sizes and thread counts must be positive.");
    }
}
