namespace FlowLogWarehouse.Loader.Sources.S3;

/// <summary>Where a folder prefix sits in AWS's delivery layouts, relative to the level where dates begin.</summary>
internal enum FolderPlace
{
    /// <summary>Above the date level, or not recognisably in a delivery layout: look inside folder by folder.</summary>
    Above,

    /// <summary>The folder whose children are dates: <c>…/vpcflowlogs/{region}/</c> or <c>…/aws-region={region}/</c>.</summary>
    DateRoot,

    /// <summary>Inside the dates (a year or a day folder): list everything under it.</summary>
    Inside,
}

/// <summary>
/// AWS's flow log key layouts: <c>AWSLogs/[o-org/]{account}/vpcflowlogs/{region}/{yyyy}/{MM}/{dd}/[{HH}/]</c> and the
/// Hive-compatible <c>AWSLogs/[o-org/]aws-account-id={account}/aws-service=vpcflowlogs/aws-region={region}/year=…/
/// month=…/day=…/[hour=…/]</c>. Knowing the date root lets a date window list only the days asked for.
/// </summary>
internal static class S3KeyLayout
{
    public static (FolderPlace Place, bool Hive) Classify(string folder)
    {
        var parts = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var service = Array.FindIndex(parts, p => p == "aws-service=vpcflowlogs");
        if (service >= 0)
        {
            var region = service + 1;
            if (region >= parts.Length)
                return (FolderPlace.Above, true);
            if (!parts[region].StartsWith("aws-region=", StringComparison.Ordinal))
                return (FolderPlace.Above, true);
            return (region == parts.Length - 1 ? FolderPlace.DateRoot : FolderPlace.Inside, true);
        }

        var awsLogs = Array.LastIndexOf(parts, "AWSLogs");
        if (awsLogs < 0)
            return (FolderPlace.Above, false);
        var account = awsLogs + 1;
        if (account < parts.Length && parts[account].StartsWith("o-", StringComparison.Ordinal))
            account++;
        var vpcflowlogs = account + 1;
        if (vpcflowlogs >= parts.Length || parts[vpcflowlogs] != "vpcflowlogs")
            return (FolderPlace.Above, false);
        var regionIndex = vpcflowlogs + 1;
        if (regionIndex >= parts.Length)
            return (FolderPlace.Above, false);
        return (regionIndex == parts.Length - 1 ? FolderPlace.DateRoot : FolderPlace.Inside, false);
    }

    /// <summary>The folder of one day below a date root.</summary>
    public static string DayFolder(DateOnly day, bool hive) => hive
        ? $"year={day.Year:D4}/month={day.Month:D2}/day={day.Day:D2}/"
        : $"{day.Year:D4}/{day.Month:D2}/{day.Day:D2}/";
}
