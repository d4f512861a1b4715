namespace FlowLogWarehouse.Output;

/// <summary>
/// A result that cannot be written as asked: a chart naming a column the result lacks, a value its Parquet column
/// cannot hold. The message is for the user, who can fix the query or the request from it alone.
/// </summary>
public sealed class OutputException : Exception
{
    internal OutputException(string message)
        : base(message)
    {
    }
}
