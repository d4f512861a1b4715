using System.CommandLine;
using System.Globalization;
using FlowLogWarehouse.Athena;
using FlowLogWarehouse.Athena.Load;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Cli.Aws;
using FlowLogWarehouse.Cli.FlowLogs;
using FlowLogWarehouse.Cli.Output;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Ec2;
using FlowLogWarehouse.Loader;
using FlowLogWarehouse.Loader.Sources;

namespace FlowLogWarehouse.Cli.Commands;

/// <summary>
/// <c>flowlogs load</c>: flow logs from files, directories, S3 prefixes or stdin into the Parquet warehouse (a
/// directory or an S3 prefix), as one batch.
/// Exit 0 when everything was loaded (or already was), 1 when a source failed or the load was refused.
/// </summary>
internal sealed class LoadCommand : ICliCommand
{
    private static readonly LoadOptions Defaults = new() { Inputs = ["-"], Warehouse = "." };

    public Command Create(GlobalOptions global)
    {
        var inputs = new Argument<string[]>("input")
        {
            Description = "Files or directories (searched recursively) of flow logs, gzip or not, text or Parquet; s3://bucket/prefix for AWS's delivery buckets; '-' reads stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var warehouse = new Option<string>("--warehouse")
        {
            Description = "Directory of the Parquet warehouse (created if missing), or s3://bucket/prefix.",
            HelpName = "dir",
            Required = true,
        };
        var format = new Option<string?>("--format")
        {
            Description = "Fields of sources without a header line, in AWS syntax (\"${version} ${srcaddr} ...\") or plain names; default: the v2 format.",
            HelpName = "fields",
        };
        var formatFrom = new Option<string?>("--format-from")
        {
            Description = "Take the format of sources without a header line from this flow log (EC2 DescribeFlowLogs): what CloudWatch Logs exports need.",
            HelpName = "fl-id",
        };
        var ec2Endpoint = new Option<string?>("--ec2-endpoint-url")
        {
            Description = "With --format-from: " + Ec2Endpoint.Description + " (--endpoint-url is S3's).",
            HelpName = "url",
        };
        var partition = new Option<string?>("--partition")
        {
            Description = "A folder per hour or per day (both AWS layouts). Default: the warehouse's own; per hour for a new warehouse. Per day reads faster when an hour holds few rows.",
            HelpName = "hour|day",
        };
        partition.AcceptOnlyFromAmong([.. PartitionGranularities.Names]);
        var reload = new Option<bool>("--reload") { Description = "Replace the rows of sources loaded before instead of skipping them." };
        var maxBadRatio = new Option<double>("--max-bad-ratio")
        {
            Description = "Fail the load, committing nothing, when bad lines / (rows + bad lines) exceeds this.",
            HelpName = "ratio",
            DefaultValueFactory = _ => Defaults.MaxBadRatio,
        };
        maxBadRatio.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<double>();
            if (value is < 0 or > 1 || double.IsNaN(value))
                r.AddError($"--max-bad-ratio must be between 0 and 1, not {value.ToString(CultureInfo.InvariantCulture)}.");
        });
        var summaryJson = new Option<string?>("--summary-json") { Description = "Also write the load summary as JSON to this file.", HelpName = "file" };
        var defaultAccount = new Option<string>("--default-account-id")
        {
            Description = "Account partition for records and paths that name none.",
            HelpName = "id",
            DefaultValueFactory = _ => Defaults.DefaultAccountId,
        };
        var defaultRegion = new Option<string>("--default-region")
        {
            Description = "Region partition for records and paths that name none.",
            HelpName = "region",
            DefaultValueFactory = _ => Defaults.DefaultRegion,
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Parsing threads; 0 = one per core.",
            DefaultValueFactory = _ => 0,
            CustomParser = OptionParsers.Integer<int>(minimum: 0),
        };

        var from = new Option<string?>("--from")
        {
            Description = "First delivery day to read (the date in AWS's keys): 2026-11-26, or days back from today such as -2d. S3 lists only those days' folders.",
            HelpName = "day",
        };
        var to = new Option<string?>("--to") { Description = "Last delivery day to read, inclusive (default: today, UTC).", HelpName = "day" };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "S3 requests in flight: listings, downloads ahead of parsing, uploads.",
            DefaultValueFactory = _ => Defaults.Concurrency,
            CustomParser = OptionParsers.Integer<int>(minimum: 1),
        };
        var staging = new Option<string?>("--staging-dir")
        {
            Description = "Local folder for the batch being built when the warehouse is on S3 (default: the temp folder).",
            HelpName = "dir",
        };
        var engine = new Option<string>("--engine")
        {
            Description = "Where lines are parsed: local (here) or athena (inside Amazon Athena, for volumes one machine cannot handle: S3 text sources into a warehouse on S3).",
            HelpName = "local|athena",
            DefaultValueFactory = _ => "local",
        };
        engine.AcceptOnlyFromAmong("local", "athena");
        var athenaEndpoint = new Option<string?>("--athena-endpoint-url")
        {
            Description = "With --engine athena: Athena's endpoint, when it is not AWS's (--endpoint-url is S3's).",
            HelpName = "url",
        };
        var aws = new AwsOptions();
        var athena = new AthenaOptions();

        var command = new Command("load", "Load VPC flow logs into the partitioned Parquet warehouse: idempotent, crash-safe, every line accounted for.")
        {
            inputs, warehouse, format, formatFrom, ec2Endpoint, partition, reload, maxBadRatio, summaryJson, defaultAccount, defaultRegion, threads, from, to, concurrency, staging,
            engine, athenaEndpoint,
        };
        foreach (var option in aws.All.Concat(athena.ForLoad))
            command.Options.Add(option);
        CommandContext.SetAction(command, global, async context =>
        {
            var awsSettings = aws.Settings(context);
            var formatText = context.Result.GetValue<string?>(format);
            if (context.Result.GetValue(formatFrom) is { } flowLogId)
            {
                if (formatText is not null)
                    throw new UserException("Give --format or --format-from, not both.");
                formatText = await FormatOfAsync(flowLogId, awsSettings with { EndpointUrl = context.Result.GetValue(ec2Endpoint) }, context);
            }
            var options = new LoadOptions
            {
                Inputs = context.Result.GetValue(inputs)!,
                Warehouse = context.GetValue(warehouse),
                Format = formatText,
                Partition = PartitionGranularities.TryParse(context.Result.GetValue(partition), out var granularity) ? granularity : null,
                Reload = context.GetValue(reload),
                MaxBadRatio = context.GetValue(maxBadRatio),
                DefaultAccountId = context.GetValue(defaultAccount),
                DefaultRegion = context.GetValue(defaultRegion),
                ParseThreads = context.GetValue(threads),
                Days = DeliveryDays.Parse(context.Result.GetValue(from), context.Result.GetValue(to), DateOnly.FromDateTime(DateTime.UtcNow)),
                Concurrency = context.GetValue(concurrency),
                StagingDirectory = context.Result.GetValue(staging),
                Aws = awsSettings,
            };
            using var athenaClient = context.GetValue(engine) == "athena"
                ? AthenaClient.Create(awsSettings with { EndpointUrl = context.Result.GetValue(athenaEndpoint) }, options: new AthenaClientOptions { Logger = context.Logger })
                : null;
            if (athenaClient is not null)
            {
                var location = S3Path.IsS3(options.Warehouse) ? S3Path.Parse(options.Warehouse)
                    : throw new UserException($"--engine athena loads into a warehouse on S3: --warehouse s3://bucket/prefix, not {options.Warehouse}.", ExitCodes.Usage);
                var runner = new AthenaQueryRunner(athenaClient, new AthenaRunnerOptions { Logger = context.Logger });
                options = options with { Converter = new AthenaConverter(runner, athena.Settings(context, location), context.Logger) };
            }
            LoadSummary summary;
            try
            {
                summary = await Task.Run(() => WarehouseLoader.LoadAsync(options, context.Logger, context.CancellationToken), context.CancellationToken);
            }
            catch (LoadFailedException e)
            {
                throw new UserException(e.Message, ExitCodes.Failure);
            }
            LoadSummaryReport.Write(summary, context.Output);
            var path = context.Result.GetValue<string?>(summaryJson);
            if (path is not null)
                await File.WriteAllTextAsync(path, summary.ToJson() + "\n", context.CancellationToken);
            return summary.SourcesFailed > 0 || !summary.Committed ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The LogFormat of a flow log; EC2 describes default-format flow logs with the default's fields too.</summary>
    private static async Task<string> FormatOfAsync(string flowLogId, AwsSettings settings, CommandContext context)
    {
        using var ec2 = Ec2Clients.Create(settings);
        var flowLog = await new Ec2FlowLogs(ec2).GetAsync(flowLogId, context.CancellationToken);
        var format = flowLog.LogFormat ?? FlowLogFormat.Default.AwsSyntax;
        context.Logger.Information("Format of {FlowLogId} ({ResourceId}): {LogFormat}", flowLogId, flowLog.ResourceId, format);
        return format;
    }
}
