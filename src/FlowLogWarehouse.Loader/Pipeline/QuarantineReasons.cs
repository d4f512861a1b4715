namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>Reasons for bad lines that are not about one field, worded once for every converter.</summary>
public static class QuarantineReasons
{
    public const string NoTime = "has no start or end time, and neither its log event nor its source path gives one, so no time partition can hold it";
}
