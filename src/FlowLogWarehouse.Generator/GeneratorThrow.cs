using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace FlowLogWarehouse.Generator;

/// <summary>Invalid options, in words a person can act on. Cold path, kept out of the callers.</summary>
[StackTraceHidden]
internal static class GeneratorThrow
{
    [DoesNotReturn]
    public static void InvalidOption(string message, Exception? inner = null) => throw new ArgumentException(message, inner);
}
