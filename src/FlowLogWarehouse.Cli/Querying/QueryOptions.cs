using System.CommandLine;
using FlowLogWarehouse.Athena;
using FlowLogWarehouse.Athena.Engine;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Cli.Aws;
using FlowLogWarehouse.Output;
using FlowLogWarehouse.Query;
using FlowLogWarehouse.Query.DuckDb;

namespace FlowLogWarehouse.Cli.Querying;

/// <summary>
/// The options every querying command shares (<c>report run</c>, <c>sql</c>): where the data is, and how the
/// result is written. One place opens the engine, so adding an engine changes no command.
/// </summary>
internal sealed class QueryOptions
{
    public Option<string> Warehouse { get; } = new("--warehouse")
    {
        Description = "Directory of the Parquet warehouse (ours, or AWS's own Hive-compatible Parquet delivery); s3://bucket/prefix with --engine athena.",
        HelpName = "dir",
        Required = true,
    };

    public Option<string> Engine { get; } = new("--engine")
    {
        Description = "Where the SQL runs: duckdb (embedded, a local warehouse) or athena (Amazon Athena, a warehouse on S3).",
        HelpName = "duckdb|athena",
        DefaultValueFactory = _ => "duckdb",
    };

    public AwsOptions Aws { get; } = new();

    public AthenaOptions Athena { get; } = new();

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = $"Result format: {string.Join(", ", OutputFormats.Names)}. Default: table, or what --out's extension says.",
        HelpName = "format",
    };

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Write the result to this file instead of stdout (required for parquet and png).",
        HelpName = "file",
    };

    public IEnumerable<Option> All => [Warehouse, Engine, Output, Out, .. Aws.All, .. Athena.All];

    public IQueryEngine OpenEngine(CommandContext context)
    {
        var warehouse = context.GetValue(Warehouse);
        switch (context.GetValue(Engine))
        {
            case "duckdb":
                return S3Path.IsS3(warehouse)
                    ? throw new UserException(
                        $"--warehouse {warehouse}: the embedded DuckDB reads local warehouses only (it has no S3 access here). " +
                        "Query an S3 warehouse with --engine athena, or load into a local directory.", ExitCodes.Usage)
                    : DuckDbEngine.Open(warehouse);
            case "athena":
                if (!S3Path.IsS3(warehouse))
                    throw new UserException($"--engine athena reads a warehouse on S3: --warehouse s3://bucket/prefix, not {warehouse}.", ExitCodes.Usage);
                var location = S3Path.Parse(warehouse);
                var aws = Aws.Settings(context);
                var settings = Athena.Settings(context, location);
                var client = AthenaClient.Create(aws, options: new AthenaClientOptions { Logger = context.Logger });
                var reach = new WarehouseOnS3(S3Clients.Create(Athena.S3Settings(context, aws)), location);
                return new AthenaEngine(client, settings, reach.LatestHourAsync, new AthenaRunnerOptions { Logger = context.Logger }, reach.GranularityAsync);
            default:
                throw new UserException($"--engine must be duckdb or athena, not '{context.GetValue(Engine)}'.", ExitCodes.Usage);
        }
    }

    /// <summary>The format asked for, else the one --out's extension names, else a table.</summary>
    public (OutputFormat Format, string? Path) Destination(CommandContext context)
    {
        var path = context.Result.GetValue(Out);
        var named = context.Result.GetValue(Output);
        var format = named is not null
            ? OutputFormats.Parse(named)
            : path is not null && OutputFormats.Names.FirstOrDefault(n => Path.GetExtension(path).Equals("." + n, StringComparison.OrdinalIgnoreCase)) is { } fromExtension
                ? OutputFormats.Parse(fromExtension)
                : OutputFormat.Table;
        if (format.IsBinary() && path is null)
            throw new UserException($"--output {format.Name()} writes a file: add --out <file>");
        if (path is not null && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory && !Directory.Exists(directory))
            throw new UserException($"--out: directory '{directory}' does not exist");
        return (format, path);
    }
}
