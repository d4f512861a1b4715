using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlowLogWarehouse.Generator;

/// <summary>An IPv4 or IPv6 address, or none ('-'), as plain numbers so that a record holds it without allocating.</summary>
internal readonly record struct Address(byte Family, ulong High, ulong Low)
{
    public static readonly Address None = default;

    public bool IsNone => Family == 0;

    public bool IsV6 => Family == 6;

    public static Address V4(uint value) => new(4, 0, value);

    public static Address V4(int a, int b, int c, int d) => V4((uint)(a << 24 | b << 16 | c << 8 | d));

    public static Address V6(ulong high, ulong low) => new(6, high, low);

    /// <summary>Largest text an address takes: a full IPv6 address.</summary>
    public const int MaxLength = 39;

    // Each octet's text packed little-endian in the low 3 bytes, its length in the top byte: one store per octet.
    private static readonly uint[] Octets = BuildOctets();

    private static uint[] BuildOctets()
    {
        var table = new uint[256];
        for (var i = 0; i < 256; i++)
        {
            var text = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            uint packed = 0;
            for (var k = 0; k < text.Length; k++)
                packed |= (uint)text[k] << (8 * k);
            table[i] = packed | (uint)text.Length << 24;
        }
        return table;
    }

    /// <summary>Writes the address (or '-') at <paramref name="pos"/>; the caller guarantees room for <see cref="MaxLength"/> + 4 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Write(ref byte destination, int pos)
    {
        if (Family == 4)
        {
            var v = (uint)Low;
            pos = WriteOctet(ref destination, pos, v >> 24);
            Unsafe.Add(ref destination, pos++) = (byte)'.';
            pos = WriteOctet(ref destination, pos, (v >> 16) & 0xFF);
            Unsafe.Add(ref destination, pos++) = (byte)'.';
            pos = WriteOctet(ref destination, pos, (v >> 8) & 0xFF);
            Unsafe.Add(ref destination, pos++) = (byte)'.';
            return WriteOctet(ref destination, pos, v & 0xFF);
        }
        if (Family == 6)
            return WriteV6(ref destination, pos);
        Unsafe.Add(ref destination, pos) = (byte)'-';
        return pos + 1;
    }

    // Stores all four bytes of the packed entry: the caller reserved room, and the next write overwrites the excess.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteOctet(ref byte destination, int pos, uint octet)
    {
        var packed = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Octets), (nint)octet);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, pos), packed & 0x00FF_FFFF);
        return pos + (int)(packed >> 24);
    }

    /// <summary>RFC 5952 text: lower-case hex without leading zeros, the longest run of two or more zero groups as "::".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WriteV6(ref byte destination, int pos)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var i = 0; i < 4; i++)
        {
            groups[i] = (ushort)(High >> (48 - 16 * i));
            groups[i + 4] = (ushort)(Low >> (48 - 16 * i));
        }
        int bestStart = -1, bestLength = 1;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }
            var j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLength)
                (bestStart, bestLength) = (i, j - i);
            i = j;
        }
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                Unsafe.Add(ref destination, pos++) = (byte)':';
                Unsafe.Add(ref destination, pos++) = (byte)':';
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength)
                Unsafe.Add(ref destination, pos++) = (byte)':';
            pos = WriteHex(ref destination, pos, groups[i]);
        }
        return pos;
    }

    private static int WriteHex(ref byte destination, int pos, ushort value)
    {
        var digits = value < 0x10 ? 1 : value < 0x100 ? 2 : value < 0x1000 ? 3 : 4;
        for (var k = digits - 1; k >= 0; k--)
        {
            var nibble = (value >> (4 * k)) & 0xF;
            Unsafe.Add(ref destination, pos++) = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }
        return pos;
    }

    /// <summary>Cold path (tests, set-up): the address as a string.</summary>
    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[MaxLength + 4];
        var length = Write(ref MemoryMarshal.GetReference(buffer), 0);
        return System.Text.Encoding.ASCII.GetString(buffer[..length]);
    }
}
