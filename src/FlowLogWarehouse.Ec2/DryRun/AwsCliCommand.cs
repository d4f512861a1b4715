using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Ec2.DryRun;

/// <summary>
/// The <c>aws ec2 create-flow-logs</c> command line that sends the same request, quoted for a POSIX shell. Structured
/// values (destination options, tags) are given as JSON, which the AWS CLI takes for any structure and which survives
/// commas and '=' in tag values where its shorthand would not.
/// </summary>
public static partial class AwsCliCommand
{
    public static string Of(FlowLogSpec spec, AwsSettings settings)
    {
        spec.Validate();
        var words = new List<string> { "aws", "ec2", "create-flow-logs", "--resource-type", spec.ResourceType, "--resource-ids" };
        words.AddRange(spec.ResourceIds);
        words.AddRange(["--traffic-type", spec.TrafficType, "--log-destination-type", spec.Destination.Type]);
        if (spec.Destination.Arn is { } arn)
            words.AddRange(["--log-destination", arn]);
        if (spec.Destination.LogGroupName is { } group)
            words.AddRange(["--log-group-name", group]);
        words.AddRange(["--log-format", spec.Format.AwsSyntax]);
        if (spec.MaxAggregationInterval is { } interval)
            words.AddRange(["--max-aggregation-interval", interval.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (spec.DeliverLogsPermissionArn is { } role)
            words.AddRange(["--deliver-logs-permission-arn", role]);
        if (spec.DeliverCrossAccountRole is { } crossAccount)
            words.AddRange(["--deliver-cross-account-role", crossAccount]);
        if (spec.HasDestinationOptions)
            words.AddRange(["--destination-options", DestinationOptions(spec)]);
        if (spec.Tags.Count > 0)
            words.AddRange(["--tag-specifications", TagSpecifications(spec)]);
        if (settings.Profile is { } profile)
            words.AddRange(["--profile", profile]);
        if (settings.Region is { } region)
            words.AddRange(["--region", region]);
        if (settings.EndpointUrl is { } endpoint)
            words.AddRange(["--endpoint-url", endpoint]);
        return string.Join(' ', words.Select(Quote));
    }

    /// <summary>The word as a POSIX shell reads it back: bare when it is plainly safe, else in single quotes.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && SafeWord().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string DestinationOptions(FlowLogSpec spec)
    {
        var options = new JsonObject();
        if (spec.FileFormat is { } format)
            options["FileFormat"] = format;
        if (spec.HiveCompatiblePartitions)
            options["HiveCompatiblePartitions"] = true;
        if (spec.PerHourPartition)
            options["PerHourPartition"] = true;
        return options.ToJsonString(Compact);
    }

    private static string TagSpecifications(FlowLogSpec spec)
    {
        var tags = new JsonArray(spec.Tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());
        return new JsonArray(new JsonObject { ["ResourceType"] = FlowLogSpec.TagResourceType, ["Tags"] = tags }).ToJsonString(Compact);
    }

    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [GeneratedRegex(@"^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex SafeWord();
}
