namespace FlowLogWarehouse.Generator;

/// <summary>Small value pickers shared by the traffic kinds.</summary>
internal sealed partial class TrafficGenerator
{
    private T Pick<T>(T[] items) => items[_rng.Below(items.Length)];

    /// <summary>Clients by rank, log-uniform: a few busy clients and a long tail of rare ones.</summary>
    private Address ClientV4() => Internet.PublicV4(Prng.Mix(_net.Seed ^ ClientDomain, (ulong)_rng.LogUniform(17)));

    /// <summary>Linux (32768-60999) or Windows (49152-65535) ephemeral ports.</summary>
    private int Ephemeral() => _rng.Chance(0.7) ? _rng.Between(32768, 60999) : _rng.Between(49152, 65535);

    /// <summary>
    /// Flags as AWS reports them (SYN 2, SYN-ACK 18, FIN 1, RST 4, OR-ed over the window): short connections 3/19,
    /// connections still open 2/18, ones ending in this window 1/1, mid-connection 0/0, reset 4/0.
    /// </summary>
    private (int Client, int Server) TcpFlags() => _rng.Below(100) switch
    {
        < 45 => (3, 19),
        < 65 => (2, 18),
        < 80 => (1, 1),
        < 95 => (0, 0),
        _ => (4, 0),
    };

    /// <summary>Packets log-uniform up to 2^maxBits, an average packet size in [minSize, maxSize] (at least 40 bytes).</summary>
    private (long Packets, long Bytes) Volume(int maxBits, int minSize, int maxSize)
    {
        var packets = _rng.LogUniform(maxBits);
        return (packets, packets * _rng.Between(minSize, maxSize));
    }

    /// <summary>The other direction: about as many packets (ACKs keep pace), sizes of its own.</summary>
    private (long Packets, long Bytes) Reply(long requestPackets, int minSize, int maxSize)
    {
        var packets = Math.Max(1, requestPackets * _rng.Between(60, 140) / 100);
        return (packets, packets * _rng.Between(minSize, maxSize));
    }

    /// <summary>A lone SYN: 40 bytes bare, 44 with MSS, 60 with the usual Linux options.</summary>
    private int SynSize() => _rng.Below(3) switch { 0 => 40, 1 => 44, _ => 60 };

    /// <summary>Egress to the internet gateway: 8 on Nitro, 2 on older instances.</summary>
    private static int InternetPath(NetworkInterface eni) => eni.Nitro ? 8 : 2;

    /// <summary>Egress inside the VPC: 1 on Nitro; older instances leave it '-' (catalog).</summary>
    private static int VpcPath(NetworkInterface eni) => eni.Nitro ? 1 : -1;

    /// <summary>A few rejects of internet traffic are VPC Block Public Access's, which is what reject-reason reports.</summary>
    private RejectReason MaybeBpa() => _rng.Chance(0.08) ? RejectReason.Bpa : RejectReason.None;
}
