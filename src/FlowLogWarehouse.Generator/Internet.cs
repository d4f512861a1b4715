namespace FlowLogWarehouse.Generator;

/// <summary>Addresses outside the VPC, chosen by hash so that the same rank is the same host in every file.</summary>
internal static class Internet
{
    // First octets of public unicast space: no private, loopback, link-local, CGNAT, documentation or multicast /8s.
    private static readonly byte[] PublicFirstOctets = Enumerable.Range(1, 222)
        .Where(o => o is not (10 or 100 or 127 or 169 or 172 or 192 or 198 or 203))
        .Select(o => (byte)o)
        .ToArray();

    // Regional allocation prefixes that real IPv6 clients come from (RIPE, APNIC, ARIN, LACNIC).
    private static readonly ushort[] V6Prefixes = [0x2a01, 0x2a02, 0x2a03, 0x2a0d, 0x2405, 0x240e, 0x2600, 0x2601, 0x2603, 0x2607, 0x2804];

    public static Address PublicV4(ulong hash)
    {
        var first = PublicFirstOctets[(int)(hash % (ulong)PublicFirstOctets.Length)];
        return Address.V4(first, (int)(hash >> 16) & 0xFF, (int)(hash >> 24) & 0xFF, 1 + (int)((hash >> 32) % 254));
    }

    public static Address PublicV6(ulong hash)
    {
        var prefix = V6Prefixes[(int)(hash % (ulong)V6Prefixes.Length)];
        var second = Prng.Mix(hash);
        return Address.V6((ulong)prefix << 48 | (hash >> 16) & 0xFFFF_FFFF_FFFFUL, second | 1);
    }

    /// <summary>An address in one of S3's published ranges (52.216.0.0/15, 54.231.0.0/16, 3.5.0.0/19).</summary>
    public static Address S3(ulong hash) => (hash % 3) switch
    {
        0 => Address.V4(52, 216 + (int)(hash >> 8 & 1), (int)(hash >> 16) & 0xFF, 1 + (int)((hash >> 24) % 254)),
        1 => Address.V4(54, 231, (int)(hash >> 16) & 0xFF, 1 + (int)((hash >> 24) % 254)),
        _ => Address.V4(3, 5, (int)(hash >> 16) & 0x1F, 1 + (int)((hash >> 24) % 254)),
    };

    /// <summary>An address in AMAZON ranges used by AWS APIs (52.94.0.0/16, 52.46.0.0/17, 54.239.0.0/16).</summary>
    public static Address Amazon(ulong hash) => (hash % 3) switch
    {
        0 => Address.V4(52, 94, (int)(hash >> 16) & 0xFF, 1 + (int)((hash >> 24) % 254)),
        1 => Address.V4(52, 46, (int)(hash >> 16) & 0x7F, 1 + (int)((hash >> 24) % 254)),
        _ => Address.V4(54, 239, (int)(hash >> 16) & 0xFF, 1 + (int)((hash >> 24) % 254)),
    };
}
