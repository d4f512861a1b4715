using System.Runtime.CompilerServices;

namespace FlowLogWarehouse.Generator;

/// <summary>
/// Produces the records of one 5-minute file as conversations: each picks a traffic kind and emits every record
/// AWS would log for it (both directions, on every interface it crosses), e.g. six for a flow through the NAT gateway.
/// One instance per worker; <see cref="Reset"/> before each file so a file depends only on its own seed.
/// </summary>
internal sealed partial class TrafficGenerator(Network network)
{
    public const int WindowSeconds = 300;

    private const int Tcp = 6, Udp = 17, Icmp = 1, IcmpV6 = 58;

    // Conversation weights; records per conversation in brackets. Together about 1% NODATA and 0.3% SKIPDATA lines.
    private const int WebV4Weight = 300;        // [2] internet clients -> web tier, 443/80
    private const int WebV6Weight = 40;         // [2] the same over IPv6
    private const int WebToAppWeight = 140;     // [4] web -> app on 8080
    private const int AppToDbWeight = 100;      // [4] app -> db on 5432/3306
    private const int NatWeight = 80;           // [6] private instance -> internet through the NAT gateway
    private const int S3Weight = 40;            // [2] app -> S3 through the gateway endpoint
    private const int ScanWeight = 60;          // [1-4] port scanners, rejected
    private const int AdminProbeWeight = 45;    // [1] SSH/RDP attempts from outside, rejected
    private const int BastionSshWeight = 10;    // [2] admins' SSH to the bastion, accepted
    private const int PingWeight = 25;          // [1-2] ICMP echo from outside
    private const int NaclWeight = 5;           // [3] request accepted, reply rejected by a stateless NACL
    private const int NoDataWeight = 25;        // [1]
    private const int SkipDataWeight = 8;       // [1]

    private const int TotalWeight = WebV4Weight + WebV6Weight + WebToAppWeight + AppToDbWeight + NatWeight + S3Weight
        + ScanWeight + AdminProbeWeight + BastionSshWeight + PingWeight + NaclWeight + NoDataWeight + SkipDataWeight;

    // Hash domains, so that the client with rank 5 and the website with rank 5 are different hosts.
    private const ulong ClientDomain = 0xC11E47, ClientV6Domain = 0xC11E46, SiteDomain = 0x517E, AmazonDomain = 0xA3A2,
        S3Domain = 0x53, NtpDomain = 0x4E7, BotDomain = 0xB07;

    private static readonly int[] ScannedPorts =
        [21, 23, 25, 53, 110, 135, 139, 445, 1433, 1521, 2375, 3306, 5432, 5900, 6379, 8080, 8443, 9200, 11211, 27017];

    private readonly Network _net = network;
    private readonly FlowRecord[] _pending = new FlowRecord[8];
    private int _count, _next;
    private Prng _rng;
    private long _window;
    private long _start, _end;

    public void Reset(ulong seed, long windowStart)
    {
        _rng = new Prng(seed);
        _window = windowStart;
        _count = _next = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly FlowRecord Next()
    {
        if (_next == _count)
        {
            _count = _next = 0;
            Converse();
        }
        return ref _pending[_next++];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Converse()
    {
        PickTimes();
        var roll = _rng.Below(TotalWeight);
        if ((roll -= WebV4Weight) < 0) WebRequest(v6: false);
        else if ((roll -= WebV6Weight) < 0) WebRequest(v6: true);
        else if ((roll -= WebToAppWeight) < 0) WebToApp();
        else if ((roll -= AppToDbWeight) < 0) AppToDb();
        else if ((roll -= NatWeight) < 0) ThroughNat();
        else if ((roll -= S3Weight) < 0) ToS3();
        else if ((roll -= ScanWeight) < 0) Scan();
        else if ((roll -= AdminProbeWeight) < 0) AdminProbe();
        else if ((roll -= BastionSshWeight) < 0) BastionSsh();
        else if ((roll -= PingWeight) < 0) Ping();
        else if ((roll -= NaclWeight) < 0) ReplyRejectedByNacl();
        else if ((roll -= NoDataWeight) < 0) Gap(LogStatus.NoData);
        else Gap(LogStatus.SkipData);
    }

    /// <summary>Start inside the file's window, a few up to a minute before it (flows straddle); 1-minute aggregation.</summary>
    private void PickTimes()
    {
        var start = _window + _rng.Below(WindowSeconds);
        if (_rng.Chance(0.03))
            start = _window - 1 - _rng.Below(60);
        _start = Math.Max(0, start);
        _end = _start + (_rng.Chance(0.75) ? _rng.Between(45, 60) : _rng.Below(45));
    }

    private ref FlowRecord Emit(NetworkInterface eni, FlowDirection direction, Address src, Address dst, int srcPort, int dstPort,
        int protocol, long packets, long bytes, int tcpFlags, FlowAction action, int trafficPath = -1)
    {
        ref var r = ref _pending[_count++];
        r = new FlowRecord
        {
            Interface = eni.Index,
            Src = src,
            Dst = dst,
            PktSrc = src,
            PktDst = dst,
            SrcPort = srcPort,
            DstPort = dstPort,
            Protocol = protocol,
            TcpFlags = tcpFlags,
            TrafficPath = trafficPath,
            Packets = packets,
            Bytes = bytes,
            Start = _start,
            End = _end,
            Action = action,
            Direction = direction,
        };
        return ref r;
    }

    private void Gap(LogStatus status)
    {
        var eni = status == LogStatus.NoData && _rng.Chance(0.6) ? Pick(_net.Idle) : Pick(_net.All);
        _pending[_count++] = FlowRecord.Gap(eni, status, _start, _end);
    }
}
