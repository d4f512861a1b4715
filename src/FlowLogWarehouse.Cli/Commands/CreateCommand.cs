using System.CommandLine;
using FlowLogWarehouse.Cli.Aws;
using FlowLogWarehouse.Cli.FlowLogs;
using FlowLogWarehouse.Ec2;
using FlowLogWarehouse.Ec2.DryRun;

namespace FlowLogWarehouse.Cli.Commands;

/// <summary>
/// <c>flowlogs create</c>: a VPC flow log (EC2 CreateFlowLogs) that records the chosen fields where the loader will
/// read them. Prints the new flow log ids; <c>--dry-run</c> prints the request, its CloudFormation and AWS CLI
/// equivalents instead and sends nothing. Exit 1 when EC2 refused the request or any of its resources.
/// </summary>
internal sealed class CreateCommand : ICliCommand
{
    public Command Create(GlobalOptions global)
    {
        var resources = new ResourceOption("What to watch: vpc-…, subnet-… or eni-… (repeat, or separate with commas, for several of one kind).", required: true);
        var traffic = new Option<string>("--traffic")
        {
            Description = "Which flows to record.",
            DefaultValueFactory = _ => "ALL",
        };
        traffic.AcceptOnlyFromAmong([.. FlowLogSpec.TrafficTypes]);
        var destination = new Option<string>("--destination")
        {
            Description = "Where to deliver: s3://bucket/prefix, cloudwatch:LOG-GROUP (name or ARN; needs --role-arn) or firehose:DELIVERY-STREAM-ARN.",
            HelpName = "where",
            Required = true,
        };
        var fileFormat = new Option<string?>("--file-format") { Description = "S3 only: plain-text (EC2's default) or parquet.", HelpName = "format" };
        fileFormat.AcceptOnlyFromAmong([.. FlowLogSpec.FileFormats]);
        var hive = new Option<bool>("--hive-partitions") { Description = "S3 only: Hive-compatible prefixes (aws-account-id=…/year=…), as the warehouse and Athena read them." };
        var perHour = new Option<bool>("--per-hour") { Description = "S3 only: a folder per hour instead of per day." };
        var maxAggregation = new Option<int?>("--max-aggregation")
        {
            Description = "Longest aggregation interval of a record, in seconds: 60 or 600 (EC2's default).",
            HelpName = "seconds",
            CustomParser = result => int.TryParse(result.Tokens[0].Value, out var seconds) ? seconds : ParseError(result, "--max-aggregation must be 60 or 600"),
        };
        maxAggregation.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } seconds && !FlowLogSpec.AggregationIntervals.Contains(seconds))
                r.AddError($"--max-aggregation must be 60 or 600, not {seconds}.");
        });
        var roleArn = new Option<string?>("--role-arn")
        {
            Description = "IAM role EC2 publishes with (DeliverLogsPermissionArn): needed for CloudWatch Logs, and for Firehose in another account.",
            HelpName = "arn",
        };
        var crossAccountRole = new Option<string?>("--cross-account-role-arn")
        {
            Description = "IAM role that lets EC2 deliver to another account (DeliverCrossAccountRole).",
            HelpName = "arn",
        };
        var tags = new Option<string[]>("--tags") { Description = "A tag for the flow log, key=value (repeat for more).", HelpName = "key=value" };
        tags.Validators.Add(r =>
        {
            foreach (var tag in r.GetValueOrDefault<string[]>() ?? [])
                if (!tag.Contains('='))
                    r.AddError($"--tags takes key=value, not '{tag}'.");
        });
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Send nothing: print the CreateFlowLogs request, a CloudFormation AWS::EC2::FlowLog template and the aws ec2 create-flow-logs command.",
        };
        var format = new FormatOptions();
        var aws = new AwsOptions(Ec2Endpoint.Description);

        var command = new Command("create", "Create a VPC flow log (EC2 CreateFlowLogs) that records the chosen fields, delivered to S3, CloudWatch Logs or Firehose.")
        {
            resources.Option, traffic, destination, fileFormat, hive, perHour, maxAggregation, roleArn, crossAccountRole, tags, dryRun,
        };
        foreach (var option in format.All.Concat(aws.All))
            command.Options.Add(option);

        CommandContext.SetAction(command, global, async context =>
        {
            var spec = new FlowLogSpec
            {
                ResourceIds = resources.Ids(context),
                TrafficType = context.GetValue(traffic),
                Destination = FlowLogDestination.Parse(context.GetValue(destination)),
                Format = format.Build(context),
                FileFormat = context.Result.GetValue(fileFormat),
                HiveCompatiblePartitions = context.GetValue(hive),
                PerHourPartition = context.GetValue(perHour),
                MaxAggregationInterval = context.Result.GetValue(maxAggregation),
                DeliverLogsPermissionArn = context.Result.GetValue(roleArn),
                DeliverCrossAccountRole = context.Result.GetValue(crossAccountRole),
                Tags = (context.Result.GetValue(tags) ?? []).Select(t => t.Split('=', 2)).Select(kv => KeyValuePair.Create(kv[0], kv[1])).ToList(),
            };
            spec.Validate();
            var settings = aws.Settings(context);
            if (context.GetValue(dryRun))
            {
                FlowLogDryRun.Write(context.Output, spec, settings);
                return ExitCodes.Ok;
            }

            using var ec2 = Ec2Clients.Create(settings);
            var created = await new Ec2FlowLogs(ec2).CreateAsync(spec, context.CancellationToken);
            foreach (var id in created.FlowLogIds)
                await context.Output.WriteLineAsync(id);
            if (created.Unsuccessful.Count > 0)
            {
                throw new UserException(
                    $"EC2 created no flow log for {string.Join("; ", created.Unsuccessful)}" +
                    (created.FlowLogIds.Count > 0 ? $" (it created {string.Join(", ", created.FlowLogIds)} for the others)" : ""),
                    ExitCodes.Failure);
            }
            context.Logger.Information("Created {FlowLogIds} for {Resources}, delivering to {Destination}", created.FlowLogIds, spec.ResourceIds, spec.Destination.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int? ParseError(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError($"{message}, not '{result.Tokens[0].Value}'.");
        return null;
    }
}
