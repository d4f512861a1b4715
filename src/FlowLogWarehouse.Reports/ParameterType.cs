using System.Globalization;
using System.Net;

namespace FlowLogWarehouse.Reports;

/// <summary>The types a report parameter may have, each with its parser from the text a user types.</summary>
public enum ParameterType
{
    String,
    Integer,
    Double,
    Boolean,
    /// <summary>An integer 0–65535.</summary>
    Port,
    /// <summary>An IPv4 or IPv6 address, bound in its canonical text form (as flow logs write it).</summary>
    Ip,
}

internal static class ParameterTypes
{
    public static string Name(ParameterType type) => type.ToString().ToLowerInvariant();

    public static bool TryParseName(string text, out ParameterType type) =>
        Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type) && !char.IsDigit(text[0]);

    /// <summary>The bound value of <paramref name="text"/>, or null with <paramref name="reason"/> saying why not.</summary>
    public static object? Parse(ParameterType type, string text, out string? reason)
    {
        reason = null;
        switch (type)
        {
            case ParameterType.String:
                return text;
            case ParameterType.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                return integer;
            case ParameterType.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                return number;
            case ParameterType.Boolean when bool.TryParse(text, out var flag):
                return flag;
            case ParameterType.Port when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                return (long)port;
            case ParameterType.Ip when IPAddress.TryParse(text, out var address) && text.Trim().Length == text.Length && (text.Contains(':') || text.Count(c => c == '.') == 3):
                return address.ToString();
        }
        reason = type switch
        {
            ParameterType.Integer => "is not an integer",
            ParameterType.Double => "is not a number",
            ParameterType.Boolean => "is not true or false",
            ParameterType.Port => "is not a port (0-65535)",
            _ => "is not an IPv4 or IPv6 address",
        };
        return null;
    }
}
