using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace FlowLogWarehouse.Generator;

/// <summary>
/// A value encoded once as ASCII and padded to whole 16-byte blocks, so writing it is a few vector stores instead of a
/// memmove call. The stores may run up to 15 bytes past the text; writers reserve room for that.
/// </summary>
internal sealed class Utf8Text
{
    public const int Slack = 16;

    private readonly byte[] _padded;

    public Utf8Text(string text)
    {
        Text = text;
        Length = text.Length;
        _padded = new byte[(text.Length + Slack - 1) / Slack * Slack];
        Encoding.ASCII.GetBytes(text, _padded);
    }

    public static readonly Utf8Text Dash = new("-");

    public string Text { get; }

    public int Length { get; }

    /// <summary>Writes the text at <paramref name="pos"/>; the caller guarantees <see cref="Length"/> + <see cref="Slack"/> bytes of room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int WriteTo(ref byte destination, int pos)
    {
        ref var source = ref _padded[0];
        ref var target = ref Unsafe.Add(ref destination, pos);
        for (var offset = 0; offset < Length; offset += Slack)
            Vector128.LoadUnsafe(ref source, (nuint)offset).StoreUnsafe(ref target, (nuint)offset);
        return pos + Length;
    }

    public override string ToString() => Text;
}
