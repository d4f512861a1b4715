using System.Globalization;
using System.Xml.Linq;

namespace FlowLogWarehouse.TestSupport;

/// <summary>CreateFlowLogs and DescribeFlowLogs, with the checks EC2 makes on their parameters and its XML answers.</summary>
public sealed partial class FakeEc2
{
    private static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /// <summary>Query parameters by name; lists (ResourceId.1, ResourceId.2, …) by their prefix.</summary>
    private sealed class Parameters(IReadOnlyList<KeyValuePair<string, string>> all)
    {
        public string? this[string name] => all.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();

        public IReadOnlyList<string> List(string prefix)
        {
            var values = new List<string>();
            for (var i = 1; this[$"{prefix}.{i}"] is { } value; i++)
                values.Add(value);
            return values;
        }
    }

    private Answer CreateFlowLogs(Parameters p)
    {
        var resources = p.List("ResourceId");
        if (resources.Count == 0 || p["ResourceType"] is not ("VPC" or "Subnet" or "NetworkInterface"))
            return Error(400, "InvalidParameterValue", "ResourceId.N and ResourceType (VPC, Subnet, NetworkInterface) are required");
        if (p["TrafficType"] is not ("ALL" or "ACCEPT" or "REJECT"))
            return Error(400, "InvalidParameterValue", "TrafficType is required for VPC, subnet and network interface flow logs");
        var type = p["LogDestinationType"] ?? "cloud-watch-logs";
        if (type == "cloud-watch-logs" && p["DeliverLogsPermissionArn"] is null)
            return Error(400, "InvalidParameter", "DeliverLogsPermissionArn is required for cloud-watch-logs");

        var created = new List<string>();
        var unsuccessful = new List<XElement>();
        foreach (var resource in resources)
        {
            if (_refusals.TryGetValue(resource, out var refusal))
            {
                unsuccessful.Add(new XElement(Ns + "item",
                    new XElement(Ns + "error", new XElement(Ns + "code", refusal.Code), new XElement(Ns + "message", refusal.Message)),
                    new XElement(Ns + "resourceId", resource)));
                continue;
            }
            var id = $"fl-{++_created:x17}";
            created.Add(id);
            _flowLogs.Add(new FakeEc2FlowLog
            {
                FlowLogId = id,
                ResourceId = resource,
                TrafficType = p["TrafficType"]!,
                LogDestinationType = type,
                LogDestination = p["LogDestination"],
                LogGroupName = p["LogGroupName"],
                // EC2 records the default format in full when none is given.
                LogFormat = p["LogFormat"] ?? "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}",
                MaxAggregationInterval = p["MaxAggregationInterval"] is { } interval ? int.Parse(interval, CultureInfo.InvariantCulture) : 600,
                FileFormat = p["DestinationOptions.FileFormat"],
                HiveCompatiblePartitions = p["DestinationOptions.HiveCompatiblePartitions"] is { } hive ? bool.Parse(hive) : null,
                PerHourPartition = p["DestinationOptions.PerHourPartition"] is { } hour ? bool.Parse(hour) : null,
                DeliverLogsPermissionArn = p["DeliverLogsPermissionArn"],
                Tags = Tags(p),
            });
        }
        return new Answer(200, new XElement(Ns + "CreateFlowLogsResponse",
            new XElement(Ns + "requestId", Guid.NewGuid().ToString()),
            new XElement(Ns + "flowLogIdSet", created.Select(id => new XElement(Ns + "item", id))),
            new XElement(Ns + "unsuccessful", unsuccessful)));
    }

    private static List<KeyValuePair<string, string>> Tags(Parameters p)
    {
        var tags = new List<KeyValuePair<string, string>>();
        for (var i = 1; p[$"TagSpecification.1.Tag.{i}.Key"] is { } key; i++)
            tags.Add(KeyValuePair.Create(key, p[$"TagSpecification.1.Tag.{i}.Value"] ?? ""));
        return tags;
    }

    private Answer DescribeFlowLogs(Parameters p)
    {
        var ids = p.List("FlowLogId");
        IEnumerable<FakeEc2FlowLog> matching = _flowLogs;
        if (ids.Count > 0)
            matching = matching.Where(f => ids.Contains(f.FlowLogId));
        for (var i = 1; p[$"Filter.{i}.Name"] is { } name; i++)
        {
            if (name != "resource-id")
                return Error(400, "InvalidParameterValue", $"This fake filters on resource-id only, not '{name}'");
            var values = p.List($"Filter.{i}.Value");
            matching = matching.Where(f => values.Contains(f.ResourceId));
        }
        var start = p["NextToken"] is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        var all = matching.ToList();
        var page = all.Skip(start).Take(PageSize).ToList();
        var next = start + page.Count < all.Count ? new XElement(Ns + "nextToken", (start + page.Count).ToString(CultureInfo.InvariantCulture)) : null;
        return new Answer(200, new XElement(Ns + "DescribeFlowLogsResponse",
            new XElement(Ns + "requestId", Guid.NewGuid().ToString()),
            new XElement(Ns + "flowLogSet", page.Select(Describe)),
            next));
    }

    private static XElement Describe(FakeEc2FlowLog f)
    {
        XElement? Optional(string name, object? value) => value is null ? null : new XElement(Ns + name, value is bool b ? (b ? "true" : "false") : value);
        var options = f.LogDestinationType == "s3"
            ? new XElement(Ns + "destinationOptions",
                new XElement(Ns + "fileFormat", f.FileFormat ?? "plain-text"),
                new XElement(Ns + "hiveCompatiblePartitions", f.HiveCompatiblePartitions == true ? "true" : "false"),
                new XElement(Ns + "perHourPartition", f.PerHourPartition == true ? "true" : "false"))
            : null;
        return new XElement(Ns + "item",
            new XElement(Ns + "creationTime", f.CreationTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
            Optional("deliverLogsPermissionArn", f.DeliverLogsPermissionArn),
            new XElement(Ns + "deliverLogsStatus", f.DeliverLogsStatus),
            new XElement(Ns + "flowLogId", f.FlowLogId),
            new XElement(Ns + "flowLogStatus", f.FlowLogStatus),
            Optional("logGroupName", f.LogGroupName),
            new XElement(Ns + "resourceId", f.ResourceId),
            new XElement(Ns + "trafficType", f.TrafficType),
            new XElement(Ns + "logDestinationType", f.LogDestinationType),
            Optional("logDestination", f.LogDestination),
            Optional("logFormat", f.LogFormat),
            new XElement(Ns + "tagSet", f.Tags.Select(t => new XElement(Ns + "item", new XElement(Ns + "key", t.Key), new XElement(Ns + "value", t.Value)))),
            new XElement(Ns + "maxAggregationInterval", f.MaxAggregationInterval),
            options);
    }
}
