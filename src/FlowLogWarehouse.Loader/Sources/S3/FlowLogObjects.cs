using System.Text.RegularExpressions;

namespace FlowLogWarehouse.Loader.Sources.S3;

/// <summary>
/// Which S3 objects belong to the same flow log, going by AWS's object names:
/// <c>{account}_vpcflowlogs_{region}_{flow-log-id}_{yyyyMMddTHHmmZ}_{hash}.log.gz</c> (or <c>.log.parquet</c>).
/// AWS never changes a flow log's format, so one probe serves all of its objects: one ranged GET per flow log
/// instead of one per object, which on a day of five-minute files was as much work as reading them.
/// </summary>
internal static partial class FlowLogObjects
{
    /// <summary>The flow log and file type an object belongs to, or null when its name is not AWS's.</summary>
    public static string? GroupOf(SourceFile source)
    {
        if (!source.IsS3)
            return null;
        var key = source.S3Object.Key;
        var match = AwsObjectName().Match(key[(key.LastIndexOf('/') + 1)..]);
        return match.Success ? $"{source.S3Object.Bucket}/{match.Groups["log"].Value}{match.Groups["type"].Value}" : null;
    }

    [GeneratedRegex(@"^(?<log>\d{12}_vpcflowlogs_[a-z0-9-]+_fl-[0-9a-f]+)_\d{8}T\d{4}Z_[0-9a-f]+(?<type>\.log\.gz|\.log\.parquet)$")]
    private static partial Regex AwsObjectName();
}
