using System.Globalization;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>A warehouse partition: account, region and the UTC hour of the records' start.</summary>
internal readonly record struct PartitionKey(string AccountId, string Region, long HourSinceEpoch)
{
    /// <summary>AWS's Hive-compatible per-hour layout, relative to the warehouse root.</summary>
    public string RelativeDirectory
    {
        get
        {
            var t = DateTime.UnixEpoch.AddHours(HourSinceEpoch);
            return string.Create(CultureInfo.InvariantCulture,
                $"AWSLogs/aws-account-id={AccountId}/aws-service=vpcflowlogs/aws-region={Region}/year={t:yyyy}/month={t:MM}/day={t:dd}/hour={t:HH}");
        }
    }
}
