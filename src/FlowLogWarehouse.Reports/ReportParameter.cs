namespace FlowLogWarehouse.Reports;

/// <summary>
/// A parameter a report declares in its header. Without a default it is required; a default of <c>null</c> makes it
/// optional with no value (the SQL then tests <c>:name IS NULL</c>).
/// </summary>
public sealed record ReportParameter(string Name, ParameterType Type, bool HasDefault, object? Default, string Description)
{
    public bool Required => !HasDefault;

    /// <summary>How <c>report list</c> and error messages show it: <c>limit integer = 20</c>.</summary>
    public string Signature => $"{Name} {ParameterTypes.Name(Type)}" + (HasDefault ? $" = {DefaultText}" : " (required)");

    public string DefaultText => Default switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => Default.ToString() ?? "",
    };
}
