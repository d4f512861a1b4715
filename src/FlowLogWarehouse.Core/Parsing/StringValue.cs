namespace FlowLogWarehouse.Core.Parsing;

/// <summary>
/// Where a string field's value sits in the line. <see cref="Constant"/> is set for enforced values
/// (action, log-status), which need no lookup. Length 0 means null ('-').
/// </summary>
public struct StringValue
{
    public int Start;
    public int Length;
    public string? Constant;

    public readonly bool IsNull => Length == 0;
}
