using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace FlowLogWarehouse.Cli;

/// <summary>
/// Custom parsers for option values. System.CommandLine's own conversion errors name CLR types
/// ("as expected type 'System.Int32'"), and validators cannot read a value that failed to convert.
/// </summary>
internal static class OptionParsers
{
    /// <summary>A whole number, at least <paramref name="minimum"/> when given.</summary>
    public static Func<ArgumentResult, T> Integer<T>(T? minimum = null)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        return result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && (minimum is null || value >= minimum.Value))
                return value;
            if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big)
                && (big > BigInteger.CreateTruncating(T.MaxValue) || big < BigInteger.CreateTruncating(T.MinValue)))
            {
                result.AddError($"{NameOf(result)} is out of range: '{text}' ({minimum ?? T.MinValue} to {T.MaxValue}).");
                return default;
            }
            var expected = minimum is null ? "a whole number" : $"a whole number of at least {minimum.Value}";
            result.AddError($"{NameOf(result)} must be {expected}, not '{text}'.");
            return default;
        };
    }

    /// <summary>The option a value belongs to, as the user typed its name.</summary>
    public static string NameOf(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
