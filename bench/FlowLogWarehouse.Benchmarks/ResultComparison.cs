using System.Globalization;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Benchmarks;

internal enum Agreement
{
    /// <summary>The same rows in the same order.</summary>
    Identical,

    /// <summary>The same rows, ordered differently: the report's ORDER BY has ties, which either order satisfies.</summary>
    SameRowsOtherOrder,

    Different,
}

/// <summary>
/// Whether two runs of a report returned the same result. A fast answer that differs from the raw text's is wrong,
/// not fast. Doubles agree within a relative 1e-9: a parallel sum of doubles may add in another order.
/// </summary>
internal static class ResultComparison
{
    private const double RelativeTolerance = 1e-9;

    public static Agreement Compare(ReportRun expected, ReportRun actual, out string? difference)
    {
        difference = null;
        var expectedColumns = string.Join(", ", expected.Columns.Select(c => $"{c.Name} {c.Kind}"));
        var actualColumns = string.Join(", ", actual.Columns.Select(c => $"{c.Name} {c.Kind}"));
        if (expectedColumns != actualColumns)
        {
            difference = $"columns differ: ({expectedColumns}) vs ({actualColumns})";
            return Agreement.Different;
        }
        if (expected.Rows.Count != actual.Rows.Count)
        {
            difference = $"{expected.Rows.Count:N0} rows vs {actual.Rows.Count:N0}";
            return Agreement.Different;
        }
        if (FirstDifference(expected.Rows, actual.Rows) is not { } index)
            return Agreement.Identical;

        var sortedExpected = expected.Rows.OrderBy(Key, StringComparer.Ordinal).ToList();
        var sortedActual = actual.Rows.OrderBy(Key, StringComparer.Ordinal).ToList();
        if (FirstDifference(sortedExpected, sortedActual) is not { } sortedIndex)
            return Agreement.SameRowsOtherOrder;
        difference = $"row {index + 1} differs: ({Show(expected.Rows[index])}) vs ({Show(actual.Rows[index])}); " +
                     $"sorted, row {sortedIndex + 1}: ({Show(sortedExpected[sortedIndex])}) vs ({Show(sortedActual[sortedIndex])})";
        return Agreement.Different;
    }

    private static int? FirstDifference(IReadOnlyList<object?[]> a, IReadOnlyList<object?[]> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Length != b[i].Length)
                return i;
            for (var j = 0; j < a[i].Length; j++)
                if (!Same(a[i][j], b[i][j]))
                    return i;
        }
        return null;
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x == y || (double.IsNaN(x) && double.IsNaN(y)) || Math.Abs(x - y) <= RelativeTolerance * Math.Max(Math.Abs(x), Math.Abs(y)),
        _ => Equals(a, b),
    };

    // A sort key for a whole row; doubles rounded so that two within the tolerance sort alike.
    private static string Key(object?[] row) => string.Join('\u001f', row.Select(v => v switch
    {
        null => "\u0000",
        double d => d.ToString("G12", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    }));

    private static string Show(object?[] row) => string.Join(", ", row.Select(v => v switch
    {
        null => "NULL",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    }));
}
