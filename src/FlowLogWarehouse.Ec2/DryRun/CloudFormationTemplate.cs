using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FlowLogWarehouse.Ec2.DryRun;

/// <summary>
/// A CloudFormation template with one <c>AWS::EC2::FlowLog</c> per resource (the resource type takes one ResourceId),
/// with the properties of the request. JSON, which CloudFormation reads as it reads YAML (JSON is YAML).
/// </summary>
public static class CloudFormationTemplate
{
    public static string Of(FlowLogSpec spec)
    {
        spec.Validate();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // Read by people and by CloudFormation, never put into HTML: keep ${…} and quotes as typed.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("AWSTemplateFormatVersion", "2010-09-09");
            json.WriteString("Description", $"VPC flow log of {string.Join(", ", spec.ResourceIds)} to {spec.Destination}");
            json.WriteStartObject("Resources");
            foreach (var resourceId in spec.ResourceIds)
            {
                json.WriteStartObject(spec.ResourceIds.Count == 1 ? "FlowLog" : LogicalId(resourceId));
                json.WriteString("Type", "AWS::EC2::FlowLog");
                json.WriteStartObject("Properties");
                WriteProperties(json, spec, resourceId);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteProperties(Utf8JsonWriter json, FlowLogSpec spec, string resourceId)
    {
        json.WriteString("ResourceId", resourceId);
        json.WriteString("ResourceType", spec.ResourceType);
        json.WriteString("TrafficType", spec.TrafficType);
        json.WriteString("LogDestinationType", spec.Destination.Type);
        if (spec.Destination.Arn is { } arn)
            json.WriteString("LogDestination", arn);
        if (spec.Destination.LogGroupName is { } group)
            json.WriteString("LogGroupName", group);
        json.WriteString("LogFormat", spec.Format.AwsSyntax);
        if (spec.MaxAggregationInterval is { } interval)
            json.WriteNumber("MaxAggregationInterval", interval);
        if (spec.DeliverLogsPermissionArn is { } role)
            json.WriteString("DeliverLogsPermissionArn", role);
        if (spec.DeliverCrossAccountRole is { } crossAccount)
            json.WriteString("DeliverCrossAccountRole", crossAccount);
        if (spec.HasDestinationOptions)
        {
            // CloudFormation requires all three; the API's defaults fill the ones not chosen.
            json.WriteStartObject("DestinationOptions");
            json.WriteString("FileFormat", spec.FileFormat ?? "plain-text");
            json.WriteBoolean("HiveCompatiblePartitions", spec.HiveCompatiblePartitions);
            json.WriteBoolean("PerHourPartition", spec.PerHourPartition);
            json.WriteEndObject();
        }
        if (spec.Tags.Count > 0)
        {
            json.WriteStartArray("Tags");
            foreach (var (key, value) in spec.Tags)
            {
                json.WriteStartObject();
                json.WriteString("Key", key);
                json.WriteString("Value", value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
    }

    /// <summary>Logical ids are alphanumeric: vpc-0a1b2c3d becomes FlowLogVpc0a1b2c3d.</summary>
    private static string LogicalId(string resourceId) =>
        "FlowLog" + string.Concat(resourceId.Split('-').Select(part => part.Length == 0 ? "" : char.ToUpperInvariant(part[0]) + part[1..]));
}
