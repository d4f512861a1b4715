using System.Buffers;
using FlowLogWarehouse.Loader.Pipeline;

namespace FlowLogWarehouse.Loader.Writing;

/// <summary>
/// The order rows are written in within a row group: grouped by interface-id (in value order), keeping arrival order
/// inside a group. An interface's rows share its address and similar peers, so the address and id columns compress
/// to a fraction, and row-group statistics on interface_id let readers skip groups. Counting sort: O(rows).
/// </summary>
internal sealed class RowOrder : IDisposable
{
    private RowOrder(int[] buffer, int[] row, int count)
    {
        Buffer = buffer;
        Row = row;
        Count = count;
    }

    /// <summary>For the k-th written row: which buffer of the job, and which row in it.</summary>
    public int[] Buffer { get; }

    public int[] Row { get; }

    public int Count { get; }

    public static RowOrder For(RowGroupJob job, int interfaceSlot)
    {
        var count = job.Rows;
        var buffer = ArrayPool<int>.Shared.Rent(count);
        var row = ArrayPool<int>.Shared.Rent(count);
        if (interfaceSlot < 0)
        {
            var k = 0;
            for (var b = 0; b < job.Buffers.Count; b++)
                for (var r = 0; r < job.Buffers[b].Count; r++, k++)
                    (buffer[k], row[k]) = (b, r);
            return new RowOrder(buffer, row, count);
        }

        var groups = new Dictionary<ReadOnlyMemory<char>, int>(ContentComparer.Instance);
        var groupOf = ArrayPool<int>.Shared.Rent(count);
        var n = 0;
        foreach (var b in job.Buffers)
        {
            var strings = b.StringArray;
            for (int r = 0, i = interfaceSlot; r < b.Count; r++, i += b.StringSlots, n++)
            {
                var value = strings[i];
                if (value.IsEmpty)
                    groupOf[n] = -1;
                else if (!groups.TryGetValue(value, out groupOf[n]))
                    groups.Add(value, groupOf[n] = groups.Count);
            }
        }

        // Rank groups by value so the order does not depend on which thread parsed what first; nulls go last.
        var rank = new int[groups.Count + 1];
        var position = 0;
        foreach (var pair in groups.OrderBy(g => g.Key, ContentComparer.Instance))
            rank[pair.Value] = position++;
        rank[^1] = position;
        var start = new int[groups.Count + 2];
        for (var k = 0; k < count; k++)
            start[Rank(groupOf[k]) + 1]++;
        for (var g = 1; g < start.Length; g++)
            start[g] += start[g - 1];

        n = 0;
        for (var b = 0; b < job.Buffers.Count; b++)
        {
            for (var r = 0; r < job.Buffers[b].Count; r++, n++)
            {
                var at = start[Rank(groupOf[n])]++;
                buffer[at] = b;
                row[at] = r;
            }
        }
        ArrayPool<int>.Shared.Return(groupOf);
        return new RowOrder(buffer, row, count);

        int Rank(int group) => group < 0 ? rank[^1] : rank[group];
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(Buffer);
        ArrayPool<int>.Shared.Return(Row);
    }

    private sealed class ContentComparer : IEqualityComparer<ReadOnlyMemory<char>>, IComparer<ReadOnlyMemory<char>>
    {
        public static readonly ContentComparer Instance = new();

        public bool Equals(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<char> value) => string.GetHashCode(value.Span, StringComparison.Ordinal);

        public int Compare(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceCompareTo(y.Span);
    }
}
