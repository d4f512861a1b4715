using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Generator;

/// <summary>
/// Writes records of one format as UTF-8 lines. The format is compiled once into the value each position takes;
/// the hot loop switches on it and copies pre-encoded bytes or formats numbers in place, allocating nothing.
/// </summary>
internal sealed class RecordWriter
{
    private enum Value : byte
    {
        Dash, Version, AccountId, InterfaceId, SrcAddr, DstAddr, SrcPort, DstPort, Protocol, Packets, Bytes, Start, End,
        Action, LogStatus, VpcId, SubnetId, InstanceId, TcpFlags, Type, PktSrcAddr, PktDstAddr, Region, AzId,
        SublocationType, SublocationId, PktSrcAwsService, PktDstAwsService, FlowDirection, TrafficPath, Ecs, RejectReason,
    }

    private readonly NetworkInterface[] _interfaces;
    private readonly Value[] _values;
    private readonly EcsField[] _ecs;
    private readonly Utf8Text _version;
    private readonly Utf8Text _account;
    private readonly Utf8Text _region;

    public RecordWriter(FlowLogFormat format, Network network, string accountId, string region)
    {
        _interfaces = network.All;
        var n = format.Fields.Count;
        _values = new Value[n];
        _ecs = new EcsField[n];
        for (var i = 0; i < n; i++)
            (_values[i], _ecs[i]) = ValueOf(format.Fields[i]);
        // AWS's rule for custom formats: the highest version among the fields used (2 at least).
        var version = Math.Max(2, format.Fields.Max(f => f.Version ?? 2));
        _version = new Utf8Text(version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _account = new Utf8Text(accountId);
        _region = new Utf8Text(region);
        MaxLineLength = format.Fields.Sum(f => f.IsKnown ? MaxValueLength + Utf8Text.Slack : 1) + format.Fields.Count + 1;
    }

    /// <summary>Longest value any catalog field gets here (ECS ARNs with a 64-character account and region are the longest).</summary>
    private const int MaxValueLength = 256;

    /// <summary>An upper bound of one line's length, so the caller can flush before a line could overflow its buffer.</summary>
    public int MaxLineLength { get; }

    /// <summary>What a field's position holds; a name the catalog lacks (or this generator does not fill) gets '-'.</summary>
    private static (Value Value, EcsField Ecs) ValueOf(FlowLogField field) => field.Name switch
    {
        "version" => (Value.Version, default),
        "account-id" => (Value.AccountId, default),
        "interface-id" => (Value.InterfaceId, default),
        "srcaddr" => (Value.SrcAddr, default),
        "dstaddr" => (Value.DstAddr, default),
        "srcport" => (Value.SrcPort, default),
        "dstport" => (Value.DstPort, default),
        "protocol" => (Value.Protocol, default),
        "packets" => (Value.Packets, default),
        "bytes" => (Value.Bytes, default),
        "start" => (Value.Start, default),
        "end" => (Value.End, default),
        "action" => (Value.Action, default),
        "log-status" => (Value.LogStatus, default),
        "vpc-id" => (Value.VpcId, default),
        "subnet-id" => (Value.SubnetId, default),
        "instance-id" => (Value.InstanceId, default),
        "tcp-flags" => (Value.TcpFlags, default),
        "type" => (Value.Type, default),
        "pkt-srcaddr" => (Value.PktSrcAddr, default),
        "pkt-dstaddr" => (Value.PktDstAddr, default),
        "region" => (Value.Region, default),
        "az-id" => (Value.AzId, default),
        "sublocation-type" => (Value.SublocationType, default),
        "sublocation-id" => (Value.SublocationId, default),
        "pkt-src-aws-service" => (Value.PktSrcAwsService, default),
        "pkt-dst-aws-service" => (Value.PktDstAwsService, default),
        "flow-direction" => (Value.FlowDirection, default),
        "traffic-path" => (Value.TrafficPath, default),
        "ecs-cluster-arn" => (Value.Ecs, EcsField.ClusterArn),
        "ecs-cluster-name" => (Value.Ecs, EcsField.ClusterName),
        "ecs-container-instance-arn" => (Value.Ecs, EcsField.ContainerInstanceArn),
        "ecs-container-instance-id" => (Value.Ecs, EcsField.ContainerInstanceId),
        "ecs-container-id" => (Value.Ecs, EcsField.ContainerId),
        "ecs-second-container-id" => (Value.Ecs, EcsField.SecondContainerId),
        "ecs-service-name" => (Value.Ecs, EcsField.ServiceName),
        "ecs-task-definition-arn" => (Value.Ecs, EcsField.TaskDefinitionArn),
        "ecs-task-arn" => (Value.Ecs, EcsField.TaskArn),
        "ecs-task-id" => (Value.Ecs, EcsField.TaskId),
        "reject-reason" => (Value.RejectReason, default),
        _ => (Value.Dash, default),
    };

    /// <summary>Writes one line with its '\n' at <paramref name="pos"/>; at least <see cref="MaxLineLength"/> bytes must be free.</summary>
    // Fully optimised from the first call: as a tier-0 method with OSR patchpoints it ran several times slower, and on
    // a busy machine tiering can take long to catch up. The small helpers below inline into it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Write(in FlowRecord r, Span<byte> buffer, int pos)
    {
        // One check per line; every write below stays inside it (MaxLineLength bounds the whole line plus vector slack).
        if ((uint)pos > (uint)buffer.Length || buffer.Length - pos < MaxLineLength)
            throw new ArgumentOutOfRangeException(nameof(pos), "The buffer has no room for a whole line.");
        ref var d = ref MemoryMarshal.GetReference(buffer);
        var values = _values;
        var ok = r.Status == LogStatus.Ok;
        var eni = _interfaces[r.Interface];
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
                Unsafe.Add(ref d, pos++) = (byte)' ';
            switch (values[i])
            {
                case Value.Version: pos = _version.WriteTo(ref d, pos); break;
                case Value.AccountId: pos = _account.WriteTo(ref d, pos); break;
                case Value.InterfaceId: pos = eni.InterfaceId.WriteTo(ref d, pos); break;
                case Value.SrcAddr: pos = r.Src.Write(ref d, pos); break;
                case Value.DstAddr: pos = r.Dst.Write(ref d, pos); break;
                case Value.SrcPort: pos = Number(ref d, pos, r.SrcPort); break;
                case Value.DstPort: pos = Number(ref d, pos, r.DstPort); break;
                case Value.Protocol: pos = Number(ref d, pos, r.Protocol); break;
                case Value.Packets: pos = Number(ref d, pos, r.Packets); break;
                case Value.Bytes: pos = Number(ref d, pos, r.Bytes); break;
                case Value.Start: pos = Number(ref d, pos, r.Start); break;
                case Value.End: pos = Number(ref d, pos, r.End); break;
                case Value.Action: pos = ActionText(r.Action).WriteTo(ref d, pos); break;
                case Value.LogStatus: pos = StatusText(r.Status).WriteTo(ref d, pos); break;
                case Value.VpcId: pos = eni.VpcId.WriteTo(ref d, pos); break;
                case Value.SubnetId: pos = eni.SubnetId.WriteTo(ref d, pos); break;
                case Value.InstanceId: pos = eni.InstanceId.WriteTo(ref d, pos); break;
                case Value.TcpFlags: pos = Number(ref d, pos, r.TcpFlags); break;
                case Value.Type: pos = (!ok ? Utf8Text.Dash : r.Src.IsV6 ? IPv6 : IPv4).WriteTo(ref d, pos); break;
                case Value.PktSrcAddr: pos = r.PktSrc.Write(ref d, pos); break;
                case Value.PktDstAddr: pos = r.PktDst.Write(ref d, pos); break;
                case Value.Region: pos = _region.WriteTo(ref d, pos); break;
                case Value.AzId: pos = eni.AzId.WriteTo(ref d, pos); break;
                case Value.SublocationType: pos = eni.SublocationType.WriteTo(ref d, pos); break;
                case Value.SublocationId: pos = eni.SublocationId.WriteTo(ref d, pos); break;
                case Value.PktSrcAwsService: pos = ServiceText(r.PktSrcService).WriteTo(ref d, pos); break;
                case Value.PktDstAwsService: pos = ServiceText(r.PktDstService).WriteTo(ref d, pos); break;
                case Value.FlowDirection: pos = DirectionText(r.Direction).WriteTo(ref d, pos); break;
                case Value.TrafficPath: pos = Number(ref d, pos, r.TrafficPath); break;
                case Value.Ecs: pos = eni.Ecs[(int)_ecs[i]].WriteTo(ref d, pos); break;
                case Value.RejectReason: pos = (r.RejectReason == RejectReason.Bpa ? Bpa : Utf8Text.Dash).WriteTo(ref d, pos); break;
                default: Unsafe.Add(ref d, pos++) = (byte)'-'; break;
            }
        }
        Unsafe.Add(ref d, pos++) = (byte)'\n';
        return pos;
    }

    /// <summary>Non-negative numbers in decimal, two digits at a time; negative means no value and is written '-'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Number(ref byte d, int pos, long value)
    {
        if ((ulong)value < 10)
        {
            Unsafe.Add(ref d, pos) = (byte)('0' + value);
            return pos + 1;
        }
        if (value < 0)
        {
            Unsafe.Add(ref d, pos) = (byte)'-';
            return pos + 1;
        }
        var v = (ulong)value;
        var end = pos + DigitCount(v);
        var at = end;
        ref var pairs = ref MemoryMarshal.GetReference(DigitPairs);
        while (v >= 100)
        {
            var q = v / 100;
            at -= 2;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, at), Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref pairs, (nint)(v - q * 100) * 2)));
            v = q;
        }
        if (v >= 10)
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, at - 2), Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref pairs, (nint)v * 2)));
        else
            Unsafe.Add(ref d, at - 1) = (byte)('0' + v);
        return end;
    }

    /// <summary>Decimal digits of v &gt; 0: log10 from log2, corrected by one comparison.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DigitCount(ulong v)
    {
        var t = (BitOperations.Log2(v) + 1) * 1233 >> 12;
        return t + (v >= PowersOf10[t] ? 1 : 0);
    }

    private static readonly ulong[] PowersOf10 = BuildPowersOf10();

    private static ulong[] BuildPowersOf10()
    {
        var powers = new ulong[20];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
            powers[i] = powers[i - 1] * 10;
        return powers;
    }

    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    private static readonly Utf8Text Accept = new("ACCEPT"), Reject = new("REJECT"), Ok = new("OK"), NoData = new("NODATA"),
        SkipData = new("SKIPDATA"), Ingress = new("ingress"), Egress = new("egress"), Amazon = new("AMAZON"), S3 = new("S3"),
        IPv4 = new("IPv4"), IPv6 = new("IPv6"), Bpa = new("BPA");

    private static Utf8Text ActionText(FlowAction action) => action switch
    {
        FlowAction.Accept => Accept,
        FlowAction.Reject => Reject,
        _ => Utf8Text.Dash,
    };

    private static Utf8Text StatusText(LogStatus status) => status switch
    {
        LogStatus.NoData => NoData,
        LogStatus.SkipData => SkipData,
        _ => Ok,
    };

    private static Utf8Text DirectionText(FlowDirection direction) => direction switch
    {
        FlowDirection.Ingress => Ingress,
        FlowDirection.Egress => Egress,
        _ => Utf8Text.Dash,
    };

    private static Utf8Text ServiceText(AwsService service) => service switch
    {
        AwsService.Amazon => Amazon,
        AwsService.S3 => S3,
        _ => Utf8Text.Dash,
    };
}
