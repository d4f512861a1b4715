using System.Text.RegularExpressions;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Ec2;

/// <summary>
/// Where a flow log delivers, as the CLI writes it (<c>s3://bucket/prefix</c>, <c>cloudwatch:LOG-GROUP</c>,
/// <c>firehose:ARN</c>) and as EC2 takes it: LogDestinationType with LogDestination (an ARN) or LogGroupName.
/// </summary>
public sealed partial record FlowLogDestination
{
    public const string S3 = "s3";
    public const string CloudWatchLogs = "cloud-watch-logs";
    public const string Firehose = "kinesis-data-firehose";

    private const string CloudWatchPrefix = "cloudwatch:";
    private const string FirehosePrefix = "firehose:";

    private FlowLogDestination(string type, string? arn, string? logGroupName)
    {
        Type = type;
        Arn = arn;
        LogGroupName = logGroupName;
    }

    /// <summary>EC2's LogDestinationType: s3, cloud-watch-logs or kinesis-data-firehose.</summary>
    public string Type { get; }

    /// <summary>EC2's LogDestination: the bucket's, log group's or delivery stream's ARN; null for a log group given by name.</summary>
    public string? Arn { get; }

    /// <summary>EC2's LogGroupName, for <c>cloudwatch:NAME</c>.</summary>
    public string? LogGroupName { get; }

    public bool IsS3 => Type == S3;

    public static FlowLogDestination Parse(string text)
    {
        if (S3Path.IsS3(text))
        {
            var path = S3Path.Parse(text);
            // EC2 reserves AWSLogs: it writes its own AWSLogs/<account>/vpcflowlogs/… below the prefix.
            if (path.Prefix.Split('/').Contains("AWSLogs", StringComparer.Ordinal))
                throw new FlowLogRequestException($"The destination '{text}' has a folder named AWSLogs, which EC2 refuses: it writes AWSLogs/… below the prefix itself.");
            return new(S3, $"arn:aws:s3:::{path.Bucket}{(path.Prefix.Length > 0 ? "/" + path.Prefix : "")}", null);
        }
        if (text.StartsWith(CloudWatchPrefix, StringComparison.Ordinal))
        {
            var group = text[CloudWatchPrefix.Length..];
            if (LogGroupArn().IsMatch(group))
                return new(CloudWatchLogs, group, null);
            if (LogGroupNamePattern().IsMatch(group))
                return new(CloudWatchLogs, null, group);
            throw new FlowLogRequestException($"'{group}' is not a CloudWatch Logs log group name (1-512 letters, digits and . _ - / #) or log group ARN.");
        }
        if (text.StartsWith(FirehosePrefix, StringComparison.Ordinal))
        {
            var arn = text[FirehosePrefix.Length..];
            if (!FirehoseArn().IsMatch(arn))
                throw new FlowLogRequestException($"'{arn}' is not a Firehose delivery stream ARN (arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME).");
            return new(Firehose, arn, null);
        }
        if (text.StartsWith("arn:", StringComparison.Ordinal) && text.Contains(":s3:::", StringComparison.Ordinal))
            return new(S3, text, null);
        throw new FlowLogRequestException($"'{text}' is not a flow log destination: s3://bucket/prefix, cloudwatch:LOG-GROUP or firehose:DELIVERY-STREAM-ARN.");
    }

    /// <summary>A flow log's destination as EC2 describes it, written the way <see cref="Parse"/> reads it.</summary>
    public static string Display(string? type, string? arn, string? logGroupName)
    {
        switch (type)
        {
            case S3 when arn is not null && S3Arn().Match(arn) is { Success: true } match:
                return $"{S3Path.Scheme}{match.Groups["path"].Value}";
            case CloudWatchLogs:
                return CloudWatchPrefix + (logGroupName ?? arn);
            case Firehose:
                return FirehosePrefix + arn;
            default:
                return arn ?? logGroupName ?? "-";
        }
    }

    public override string ToString() => Display(Type, Arn, LogGroupName);

    [GeneratedRegex(@"^arn:aws[a-z-]*:s3:::(?<path>.+)$")]
    private static partial Regex S3Arn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[A-Za-z0-9._/#-]{1,512}(:\*)?$")]
    private static partial Regex LogGroupArn();

    [GeneratedRegex(@"^[A-Za-z0-9._/#-]{1,512}$")]
    private static partial Regex LogGroupNamePattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream/[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex FirehoseArn();
}
