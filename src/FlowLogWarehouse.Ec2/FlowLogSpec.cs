using Amazon.EC2;
using Amazon.EC2.Model;
using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Ec2;

/// <summary>
/// A flow log to create, as the user chose it. <see cref="ToRequest"/> is the CreateFlowLogs request that is sent and
/// that <c>--dry-run</c> prints next to its CloudFormation and AWS CLI equivalents, so the three cannot drift apart.
/// Optional settings left unset are left out of the request: EC2's defaults apply (600 s, plain text, no partitions).
/// </summary>
public sealed record FlowLogSpec
{
    public static readonly IReadOnlyList<string> TrafficTypes = ["ALL", "ACCEPT", "REJECT"];
    public static readonly IReadOnlyList<string> FileFormats = ["plain-text", "parquet"];
    public static readonly IReadOnlyList<int> AggregationIntervals = [60, 600];

    /// <summary>The resource type tag specifications name for a flow log.</summary>
    public const string TagResourceType = "vpc-flow-log";

    public required IReadOnlyList<string> ResourceIds { get; init; }

    public string TrafficType { get; init; } = "ALL";

    public required FlowLogDestination Destination { get; init; }

    public required FlowLogFormat Format { get; init; }

    /// <summary>S3 only: plain-text or parquet.</summary>
    public string? FileFormat { get; init; }

    /// <summary>S3 only: Hive-compatible prefixes (aws-account-id=…/…/year=…).</summary>
    public bool HiveCompatiblePartitions { get; init; }

    /// <summary>S3 only: one folder per hour instead of per day.</summary>
    public bool PerHourPartition { get; init; }

    public int? MaxAggregationInterval { get; init; }

    /// <summary>The role EC2 assumes to deliver: needed for CloudWatch Logs, and for Firehose in another account.</summary>
    public string? DeliverLogsPermissionArn { get; init; }

    /// <summary>The role that lets EC2 deliver to another account (Firehose there).</summary>
    public string? DeliverCrossAccountRole { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    public string ResourceType => FlowLogResources.TypeOf(ResourceIds);

    /// <summary>True when any S3-only option was chosen, so DestinationOptions is sent.</summary>
    public bool HasDestinationOptions => FileFormat is not null || HiveCompatiblePartitions || PerHourPartition;

    /// <summary>Refuses, before anything is sent, what EC2 would refuse.</summary>
    public void Validate()
    {
        _ = ResourceType;
        if (!TrafficTypes.Contains(TrafficType))
            throw new FlowLogRequestException($"Traffic type '{TrafficType}' is not one of {string.Join(", ", TrafficTypes)}.");
        if (Destination.Type == FlowLogDestination.CloudWatchLogs && DeliverLogsPermissionArn is null)
            throw new FlowLogRequestException("Delivery to CloudWatch Logs needs the IAM role EC2 publishes with: give --role-arn arn:aws:iam::ACCOUNT:role/NAME.");
        if (HasDestinationOptions && !Destination.IsS3)
            throw new FlowLogRequestException("--file-format, --hive-partitions and --per-hour apply to S3 destinations only.");
        if (FileFormat is not null && !FileFormats.Contains(FileFormat))
            throw new FlowLogRequestException($"File format '{FileFormat}' is not one of {string.Join(", ", FileFormats)}.");
        if (MaxAggregationInterval is { } interval && !AggregationIntervals.Contains(interval))
            throw new FlowLogRequestException($"The aggregation interval must be 60 or 600 seconds, not {interval}.");
        foreach (var (name, arn) in new[] { ("--role-arn", DeliverLogsPermissionArn), ("--cross-account-role-arn", DeliverCrossAccountRole) })
            if (arn is not null && !IsRoleArn(arn))
                throw new FlowLogRequestException($"{name} '{arn}' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).");
        ValidateTags();
    }

    private void ValidateTags()
    {
        foreach (var (key, value) in Tags)
        {
            if (key.Length is 0 or > 128)
                throw new FlowLogRequestException($"Tag key '{key}' must have 1 to 128 characters.");
            if (value.Length > 256)
                throw new FlowLogRequestException($"The value of tag '{key}' is longer than 256 characters.");
            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                throw new FlowLogRequestException($"Tag key '{key}' starts with 'aws:', which AWS reserves.");
        }
        var duplicate = Tags.GroupBy(t => t.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new FlowLogRequestException($"Tag '{duplicate.Key}' is given twice.");
    }

    private static bool IsRoleArn(string arn) =>
        arn.StartsWith("arn:aws", StringComparison.Ordinal) && arn.Contains(":iam::", StringComparison.Ordinal) && arn.Contains(":role/", StringComparison.Ordinal);

    /// <summary>The CreateFlowLogs request; SDK v4 sends only what is set, so unset options stay out of it.</summary>
    public CreateFlowLogsRequest ToRequest()
    {
        Validate();
        var request = new CreateFlowLogsRequest
        {
            ResourceIds = ResourceIds.ToList(),
            ResourceType = new FlowLogsResourceType(ResourceType),
            TrafficType = new TrafficType(TrafficType),
            LogDestinationType = new LogDestinationType(Destination.Type),
            LogDestination = Destination.Arn,
            LogGroupName = Destination.LogGroupName,
            LogFormat = Format.AwsSyntax,
            MaxAggregationInterval = MaxAggregationInterval,
            DeliverLogsPermissionArn = DeliverLogsPermissionArn,
            DeliverCrossAccountRole = DeliverCrossAccountRole,
        };
        if (HasDestinationOptions)
        {
            request.DestinationOptions = new DestinationOptionsRequest
            {
                FileFormat = FileFormat is null ? null : new DestinationFileFormat(FileFormat),
                HiveCompatiblePartitions = HiveCompatiblePartitions ? true : null,
                PerHourPartition = PerHourPartition ? true : null,
            };
        }
        if (Tags.Count > 0)
        {
            request.TagSpecifications =
            [
                new TagSpecification
                {
                    ResourceType = new ResourceType(TagResourceType),
                    Tags = Tags.Select(t => new Tag(t.Key, t.Value)).ToList(),
                },
            ];
        }
        return request;
    }
}
