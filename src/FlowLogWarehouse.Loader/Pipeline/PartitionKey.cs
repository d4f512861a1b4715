using System.Globalization;
using FlowLogWarehouse.Core.Layout;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>
/// A warehouse partition: account, region and the UTC hour or day of the records' start. <see cref="HourSinceEpoch"/>
/// is the partition's first hour (midnight for a day).
/// </summary>
internal readonly record struct PartitionKey(string AccountId, string Region, long HourSinceEpoch, PartitionGranularity Granularity)
{
    /// <summary>AWS's Hive-compatible layout, per hour or per day, relative to the warehouse root.</summary>
    public string RelativeDirectory
    {
        get
        {
            var t = DateTime.UnixEpoch.AddHours(HourSinceEpoch);
            var day = string.Create(CultureInfo.InvariantCulture,
                $"AWSLogs/aws-account-id={AccountId}/aws-service=vpcflowlogs/aws-region={Region}/year={t:yyyy}/month={t:MM}/day={t:dd}");
            return Granularity == PartitionGranularity.Hour ? string.Create(CultureInfo.InvariantCulture, $"{day}/hour={t:HH}") : day;
        }
    }
}
