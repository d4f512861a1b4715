using System.Globalization;

namespace FlowLogWarehouse.Reports.Tests;

/// <summary>
/// One flow log record with every field of versions 2–5, defaulting to an ordinary accepted TCP flow inside a VPC;
/// tests set only what their report looks at. <see cref="Line"/> writes it in <see cref="Format"/>.
/// </summary>
public sealed record Flow
{
    public static readonly string[] Format =
    [
        "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes",
        "start", "end", "action", "log-status", "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr",
        "pkt-dstaddr", "region", "az-id", "sublocation-type", "sublocation-id", "pkt-src-aws-service", "pkt-dst-aws-service",
        "flow-direction", "traffic-path",
    ];

    /// <summary>2026-11-02T00:00:00Z: the first hour of the tests' second day.</summary>
    public static readonly DateTimeOffset Day2 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public string Account { get; init; } = "123456789012";
    public string Eni { get; init; } = "eni-0a1b2c3d4e5f60001";
    public string? Src { get; init; } = "10.0.1.10";
    public string? Dst { get; init; } = "10.0.2.20";
    public int? SrcPort { get; init; } = 49152;
    public int? DstPort { get; init; } = 443;
    public int? Protocol { get; init; } = 6;
    public long? Packets { get; init; } = 10;
    public long? Bytes { get; init; } = 1000;
    /// <summary>The flow's start; its end is 60 s later.</summary>
    public DateTimeOffset Start { get; init; } = Day2.AddHours(10);
    public string? Action { get; init; } = "ACCEPT";
    public string LogStatus { get; init; } = "OK";
    public string? Vpc { get; init; } = "vpc-0a1b2c3d";
    public string? Subnet { get; init; } = "subnet-0a1b2c3d";
    public string? Instance { get; init; } = "i-0a1b2c3d4e5f60001";
    public int? TcpFlags { get; init; } = 19;
    public string? Type { get; init; } = "IPv4";
    /// <summary>Null means "same as Src/Dst", as on a flow that no intermediary rewrote.</summary>
    public string? PktSrc { get; init; }
    public string? PktDst { get; init; }
    public string Region { get; init; } = "us-east-1";
    public string? AzId { get; init; } = "use1-az1";
    public string? PktSrcService { get; init; }
    public string? PktDstService { get; init; }
    public string? Direction { get; init; } = "ingress";
    public int? TrafficPath { get; init; }

    public string Line()
    {
        var end = Start.AddSeconds(60);
        string?[] values =
        [
            "5", Account, Eni, Src, Dst, N(SrcPort), N(DstPort), N(Protocol), N(Packets), N(Bytes),
            N(Start.ToUnixTimeSeconds()), N(end.ToUnixTimeSeconds()), Action, LogStatus, Vpc, Subnet, Instance, N(TcpFlags), Type,
            PktSrc ?? Src, PktDst ?? Dst, Region, AzId, null, null, PktSrcService, PktDstService, Direction, N(TrafficPath),
        ];
        return string.Join(' ', values.Select(v => v ?? "-"));
    }

    /// <summary>A NODATA or SKIPDATA record: only the interface and the window are known.</summary>
    public static Flow Status(string status, string eni, DateTimeOffset start) => new()
    {
        Eni = eni, Start = start, LogStatus = status, Src = null, Dst = null, SrcPort = null, DstPort = null, Protocol = null,
        Packets = null, Bytes = null, Action = null, TcpFlags = null, Type = null, Direction = null,
    };

    private static string? N(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
