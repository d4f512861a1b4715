using System.Globalization;
using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output;

/// <summary>
/// Column names made unique for formats that key values by name: <c>SELECT a, a</c> is valid SQL, but a JSON
/// object with two <c>a</c> keys is ambiguous and a Parquet schema refuses it. A repeated name gets the first free
/// suffix <c>_2</c>, <c>_3</c>…, never one that another column already has.
/// </summary>
internal static class UniqueNames
{
    public static string[] For(IReadOnlyList<ResultColumn> columns, StringComparer comparer)
    {
        var taken = new HashSet<string>(columns.Select(c => c.Name), comparer);
        var used = new HashSet<string>(comparer);
        var names = new string[columns.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var name = columns[i].Name;
            var n = 1;
            while (!used.Add(name))
            {
                // A suffix that is another column's own name stays that column's.
                do
                    name = columns[i].Name + "_" + (++n).ToString(CultureInfo.InvariantCulture);
                while (taken.Contains(name));
            }
            names[i] = name;
        }
        return names;
    }
}
