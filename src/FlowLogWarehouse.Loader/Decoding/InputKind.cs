namespace FlowLogWarehouse.Loader.Decoding;

public enum InputKind
{
    /// <summary>Flow log records, one per line, optionally after an S3 header line.</summary>
    Text,

    /// <summary>A CloudWatch Logs export: each line is an ISO-8601 timestamp, a space, then the record.</summary>
    CloudWatchExport,

    /// <summary>JSON per line: CloudWatch Logs subscription payloads (<c>logEvents[].message</c>) or <c>{"message": "…"}</c>.</summary>
    Json,

    /// <summary>A Parquet file (AWS's Parquet delivery), read as a line per row with no header line.</summary>
    Parquet,
}
