namespace FlowLogWarehouse.Generator;

internal enum FlowAction : byte { None, Accept, Reject }

internal enum LogStatus : byte { Ok, NoData, SkipData }

internal enum FlowDirection : byte { None, Ingress, Egress }

/// <summary>Names of AWS IP-range subsets that pkt-src-aws-service / pkt-dst-aws-service report.</summary>
internal enum AwsService : byte { None, Amazon, S3 }

internal enum RejectReason : byte { None, Bpa }

/// <summary>
/// One flow log record as values, before formatting. Numbers below zero and <see cref="Address.None"/> are written
/// as '-'; the type (IPv4/IPv6) follows from the source address. Unmanaged on purpose (the interface is an index into
/// <see cref="Network.All"/>): copying records then needs no GC write barriers.
/// </summary>
internal struct FlowRecord
{
    public int Interface;
    public Address Src, Dst, PktSrc, PktDst;
    public int SrcPort, DstPort, Protocol, TcpFlags, TrafficPath;
    public long Packets, Bytes, Start, End;
    public FlowAction Action;
    public LogStatus Status;
    public FlowDirection Direction;
    public AwsService PktSrcService, PktDstService;
    public RejectReason RejectReason;

    /// <summary>A NODATA or SKIPDATA record: only the interface and the times are known.</summary>
    public static FlowRecord Gap(NetworkInterface eni, LogStatus status, long start, long end) => new()
    {
        Interface = eni.Index,
        SrcPort = -1,
        DstPort = -1,
        Protocol = -1,
        TcpFlags = -1,
        TrafficPath = -1,
        Packets = -1,
        Bytes = -1,
        Start = start,
        End = end,
        Status = status,
    };
}
