namespace FlowLogWarehouse.TestSupport;

/// <summary>A flow log as the fake EC2 keeps it and describes it; tests seed some, CreateFlowLogs adds more.</summary>
public sealed record FakeEc2FlowLog
{
    public required string FlowLogId { get; init; }
    public required string ResourceId { get; init; }
    public string TrafficType { get; init; } = "ALL";
    public string LogDestinationType { get; init; } = "s3";
    public string? LogDestination { get; init; }
    public string? LogGroupName { get; init; }
    public string? LogFormat { get; init; }
    public int MaxAggregationInterval { get; init; } = 600;
    public string? FileFormat { get; init; }
    public bool? HiveCompatiblePartitions { get; init; }
    public bool? PerHourPartition { get; init; }
    public string? DeliverLogsPermissionArn { get; init; }
    public string FlowLogStatus { get; init; } = "ACTIVE";
    public string DeliverLogsStatus { get; init; } = "SUCCESS";
    public DateTime CreationTime { get; init; } = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];
}
