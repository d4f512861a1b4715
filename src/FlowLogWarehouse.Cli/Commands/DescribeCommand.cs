using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Amazon.EC2.Model;
using FlowLogWarehouse.Cli.Aws;
using FlowLogWarehouse.Cli.FlowLogs;
using FlowLogWarehouse.Cli.Output;
using FlowLogWarehouse.Ec2;

namespace FlowLogWarehouse.Cli.Commands;

/// <summary>
/// <c>flowlogs describe [--resource …] [--json]</c>: the account's flow logs in the region (EC2 DescribeFlowLogs), each
/// with its destination in <c>create</c>'s syntax and its LogFormat, which <c>load --format-from</c> reads.
/// </summary>
internal sealed class DescribeCommand : ICliCommand
{
    public Command Create(GlobalOptions global)
    {
        var resources = new ResourceOption("Only the flow logs of these VPCs, subnets or network interfaces (repeat, or separate with commas).", required: false);
        var json = new Option<bool>("--json") { Description = "Print a JSON array with every property of each flow log." };
        var aws = new AwsOptions(Ec2Endpoint.Description);
        var command = new Command("describe", "List flow logs (EC2 DescribeFlowLogs): resource, traffic, destination, status and LogFormat.") { resources.Option, json };
        foreach (var option in aws.All)
            command.Options.Add(option);

        CommandContext.SetAction(command, global, async context =>
        {
            var ids = resources.Ids(context);
            using var ec2 = Ec2Clients.Create(aws.Settings(context));
            var flowLogs = await new Ec2FlowLogs(ec2).DescribeAsync(ids, context.CancellationToken);
            if (context.GetValue(json))
                WriteJson(context.Output, flowLogs);
            else if (flowLogs.Count == 0)
                await context.Error.WriteLineAsync(ids.Count == 0 ? "No flow logs in this account and region." : $"No flow logs for {string.Join(", ", ids)}.");
            else
                WriteTable(context.Output, flowLogs);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Destination(FlowLog f) => FlowLogDestination.Display(f.LogDestinationType?.Value, f.LogDestination, f.LogGroupName);

    private static void WriteTable(TextWriter output, IReadOnlyList<FlowLog> flowLogs)
    {
        // The format goes last and whole: it is what a reader of this table is after (and what --format takes).
        var table = new TextTable("FLOW LOG", "RESOURCE", "TRAFFIC", "DESTINATION", "STATUS", "DELIVERY", "FORMAT");
        foreach (var f in flowLogs)
        {
            table.AddRow(
                f.FlowLogId ?? "-",
                f.ResourceId ?? "-",
                f.TrafficType?.Value ?? "-",
                Destination(f),
                f.FlowLogStatus ?? "-",
                f.DeliverLogsStatus ?? "-",
                f.LogFormat ?? "-");
        }
        table.Write(output);
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<FlowLog> flowLogs) => JsonOutput.WriteArray(output, flowLogs, (json, f) =>
    {
        json.WriteString("flow_log_id", f.FlowLogId);
        json.WriteString("resource_id", f.ResourceId);
        json.WriteString("traffic_type", f.TrafficType?.Value);
        json.WriteString("destination", Destination(f));
        json.WriteString("log_destination_type", f.LogDestinationType?.Value);
        json.WriteString("log_destination", f.LogDestination);
        json.WriteString("log_group_name", f.LogGroupName);
        json.WriteString("log_format", f.LogFormat);
        json.WriteNumberOrNull("max_aggregation_interval", f.MaxAggregationInterval);
        json.WriteString("file_format", f.DestinationOptions?.FileFormat?.Value);
        json.WriteBooleanOrNull("hive_compatible_partitions", f.DestinationOptions?.HiveCompatiblePartitions);
        json.WriteBooleanOrNull("per_hour_partition", f.DestinationOptions?.PerHourPartition);
        json.WriteString("flow_log_status", f.FlowLogStatus);
        json.WriteString("deliver_logs_status", f.DeliverLogsStatus);
        json.WriteString("deliver_logs_error_message", f.DeliverLogsErrorMessage);
        json.WriteString("deliver_logs_permission_arn", f.DeliverLogsPermissionArn);
        json.WriteString("creation_time", f.CreationTime?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteStartObject("tags");
        foreach (var tag in f.Tags ?? [])
            json.WriteString(tag.Key, tag.Value);
        json.WriteEndObject();
    });
}
