namespace FlowLogWarehouse.Generator;

/// <summary>The traffic kinds: which interfaces log a conversation and with which values.</summary>
internal sealed partial class TrafficGenerator
{
    private void WebRequest(bool v6)
    {
        var web = Pick(_net.Web);
        var client = v6 ? Internet.PublicV6(Prng.Mix(_net.Seed ^ ClientV6Domain, (ulong)_rng.LogUniform(14))) : ClientV4();
        var server = v6 ? web.V6 : web.V4;
        var port = _rng.Chance(0.9) ? 443 : 80;
        var clientPort = Ephemeral();
        var (clientFlags, serverFlags) = TcpFlags();
        var minSize = v6 ? 80 : 60;
        var (packets, bytes) = Volume(7, minSize, 700);
        var (replyPackets, replyBytes) = Reply(packets, minSize + 240, 1448);
        Emit(web, FlowDirection.Ingress, client, server, clientPort, port, Tcp, packets, bytes, clientFlags, FlowAction.Accept);
        Emit(web, FlowDirection.Egress, server, client, port, clientPort, Tcp, replyPackets, replyBytes, serverFlags, FlowAction.Accept,
            InternetPath(web));
    }

    private void WebToApp() => Exchange(Pick(_net.Web), Pick(_net.App), 8080, requestBits: 6, replyMaxSize: 1448);

    private void AppToDb()
    {
        var db = _rng.Chance(0.8) ? _net.Db[0] : _net.Db[1];
        Exchange(Pick(_net.App), db, _rng.Chance(0.7) ? 5432 : 3306, requestBits: 8, replyMaxSize: 1448);
    }

    /// <summary>A TCP exchange inside the VPC: both interfaces log both directions.</summary>
    private void Exchange(NetworkInterface client, NetworkInterface server, int port, int requestBits, int replyMaxSize)
    {
        var clientPort = Ephemeral();
        var (clientFlags, serverFlags) = TcpFlags();
        var (packets, bytes) = Volume(requestBits, 60, 900);
        var (replyPackets, replyBytes) = Reply(packets, 200, replyMaxSize);
        Address c = client.V4, s = server.V4;
        Emit(client, FlowDirection.Egress, c, s, clientPort, port, Tcp, packets, bytes, clientFlags, FlowAction.Accept, VpcPath(client));
        Emit(server, FlowDirection.Ingress, c, s, clientPort, port, Tcp, packets, bytes, clientFlags, FlowAction.Accept);
        Emit(server, FlowDirection.Egress, s, c, port, clientPort, Tcp, replyPackets, replyBytes, serverFlags, FlowAction.Accept, VpcPath(server));
        Emit(client, FlowDirection.Ingress, s, c, port, clientPort, Tcp, replyPackets, replyBytes, serverFlags, FlowAction.Accept);
    }

    /// <summary>
    /// A private instance reaching the internet through the NAT gateway. The instance's interface logs the internet
    /// address directly; the NAT interface logs its own address in srcaddr/dstaddr and the original ends in pkt-*.
    /// </summary>
    private void ThroughNat()
    {
        var instance = _rng.Chance(0.85) ? Pick(_net.App) : _net.Db[0];
        var nat = _net.Nat;
        Address remote;
        var service = AwsService.None;
        int protocol = Tcp, port = 443;
        var roll = _rng.Below(100);
        if (roll < 55)
        {
            remote = Internet.PublicV4(Prng.Mix(_net.Seed ^ SiteDomain, (ulong)_rng.LogUniform(10)));
        }
        else if (roll < 92)
        {
            remote = Internet.Amazon(Prng.Mix(_net.Seed ^ AmazonDomain, (ulong)_rng.LogUniform(8)));
            service = AwsService.Amazon;
        }
        else
        {
            remote = Internet.PublicV4(Prng.Mix(_net.Seed ^ NtpDomain, (ulong)_rng.Below(4)));
            (protocol, port) = (Udp, 123);
        }
        var instancePort = Ephemeral();
        var natPort = _rng.Between(1024, 65535);
        var (clientFlags, serverFlags) = protocol == Tcp ? TcpFlags() : (0, 0);
        var (packets, bytes) = protocol == Tcp ? Volume(7, 60, 600) : (1, 76);
        var (replyPackets, replyBytes) = protocol == Tcp ? Reply(packets * _rng.Between(1, 8), 400, 1448) : (1, 76);

        Emit(instance, FlowDirection.Egress, instance.V4, remote, instancePort, port, protocol, packets, bytes, clientFlags,
            FlowAction.Accept, VpcPath(instance)).PktDstService = service;
        Emit(instance, FlowDirection.Ingress, remote, instance.V4, port, instancePort, protocol, replyPackets, replyBytes, serverFlags,
            FlowAction.Accept).PktSrcService = service;

        ref var fromInstance = ref Emit(nat, FlowDirection.Ingress, instance.V4, nat.V4, instancePort, port, protocol, packets, bytes,
            clientFlags, FlowAction.Accept);
        fromInstance.PktDst = remote;
        fromInstance.PktDstService = service;
        Emit(nat, FlowDirection.Egress, nat.V4, remote, natPort, port, protocol, packets, bytes, clientFlags, FlowAction.Accept,
            InternetPath(nat)).PktDstService = service;
        Emit(nat, FlowDirection.Ingress, remote, nat.V4, port, natPort, protocol, replyPackets, replyBytes, serverFlags,
            FlowAction.Accept).PktSrcService = service;
        ref var toInstance = ref Emit(nat, FlowDirection.Egress, nat.V4, instance.V4, port, instancePort, protocol, replyPackets,
            replyBytes, serverFlags, FlowAction.Accept, VpcPath(nat));
        toInstance.PktSrc = remote;
        toInstance.PktSrcService = service;
    }

    /// <summary>Reads from S3 through the gateway VPC endpoint: path 7 on Nitro, 2 otherwise; big replies.</summary>
    private void ToS3()
    {
        var app = Pick(_net.App);
        var s3 = Internet.S3(Prng.Mix(_net.Seed ^ S3Domain, (ulong)_rng.LogUniform(10)));
        var clientPort = Ephemeral();
        var (clientFlags, serverFlags) = TcpFlags();
        var (packets, bytes) = Volume(7, 60, 900);
        var replyPackets = packets * _rng.Between(2, 40);
        Emit(app, FlowDirection.Egress, app.V4, s3, clientPort, 443, Tcp, packets, bytes, clientFlags, FlowAction.Accept,
            app.Nitro ? 7 : 2).PktDstService = AwsService.S3;
        Emit(app, FlowDirection.Ingress, s3, app.V4, 443, clientPort, Tcp, replyPackets, replyPackets * _rng.Between(1200, 1448),
            serverFlags, FlowAction.Accept).PktSrcService = AwsService.S3;
    }

    /// <summary>A scanner probing 1-4 closed ports of a public interface: lone SYNs (or UDP probes), all rejected.</summary>
    private void Scan()
    {
        var scanners = _net.Scanners;
        var scanner = scanners[_rng.Below(_rng.Below(scanners.Length) + 1)];
        var target = _rng.Chance(0.8) ? Pick(_net.Web) : _net.Bastion;
        // Half the scanners use one fixed source port (as masscan does), the others a random one per probe.
        var fixedPort = (scanner.Low & 1) == 0 ? 40000 + (int)(scanner.Low % 20000) : -1;
        var probes = _rng.Between(1, 4);
        for (var i = 0; i < probes; i++)
        {
            var port = _rng.Chance(0.3) ? ScannedPorts[_rng.Below(ScannedPorts.Length)] : _rng.Between(1, 65535);
            if (port is 80 or 443)
                port = 8443;
            var tcp = !_rng.Chance(0.1);
            var packets = _rng.Chance(0.85) ? 1 : 2;
            var size = tcp ? SynSize() : _rng.Between(40, 120);
            Emit(target, FlowDirection.Ingress, scanner, target.V4, fixedPort >= 0 ? fixedPort : Ephemeral(), port, tcp ? Tcp : Udp,
                packets, packets * size, tcp ? 2 : 0, FlowAction.Reject).RejectReason = MaybeBpa();
        }
    }

    private void AdminProbe()
    {
        var source = Internet.PublicV4(Prng.Mix(_net.Seed ^ BotDomain, (ulong)_rng.LogUniform(16)));
        var target = _rng.Chance(0.4) ? _net.Bastion : Pick(_net.Web);
        var port = _rng.Chance(0.65) ? 22 : 3389;
        var packets = _rng.Between(1, 3);
        Emit(target, FlowDirection.Ingress, source, target.V4, Ephemeral(), port, Tcp, packets, packets * SynSize(), 2,
            FlowAction.Reject).RejectReason = MaybeBpa();
    }

    private void BastionSsh()
    {
        var bastion = _net.Bastion;
        var clientPort = Ephemeral();
        var (clientFlags, serverFlags) = TcpFlags();
        var (packets, bytes) = Volume(9, 52, 300);
        var (replyPackets, replyBytes) = Reply(packets, 52, 1200);
        Emit(bastion, FlowDirection.Ingress, _net.AdminOffice, bastion.V4, clientPort, 22, Tcp, packets, bytes, clientFlags, FlowAction.Accept);
        Emit(bastion, FlowDirection.Egress, bastion.V4, _net.AdminOffice, 22, clientPort, Tcp, replyPackets, replyBytes, serverFlags,
            FlowAction.Accept, InternetPath(bastion));
    }

    /// <summary>Echo requests from outside (ICMPv6 for IPv6): answered, or rejected by the security group.</summary>
    private void Ping()
    {
        var v6 = _rng.Chance(0.2);
        var web = Pick(_net.Web);
        var source = v6 ? Internet.PublicV6(Prng.Mix(_net.Seed ^ ClientV6Domain, (ulong)_rng.LogUniform(14))) : ClientV4();
        var target = v6 ? web.V6 : web.V4;
        var protocol = v6 ? IcmpV6 : Icmp;
        var packets = _rng.Between(1, 10);
        var bytes = packets * (v6 ? 104 : 84);
        if (_rng.Chance(0.7))
        {
            Emit(web, FlowDirection.Ingress, source, target, 0, 0, protocol, packets, bytes, 0, FlowAction.Accept);
            Emit(web, FlowDirection.Egress, target, source, 0, 0, protocol, packets, bytes, 0, FlowAction.Accept, InternetPath(web));
        }
        else
        {
            Emit(web, FlowDirection.Ingress, source, target, 0, 0, protocol, packets, bytes, 0, FlowAction.Reject).RejectReason = MaybeBpa();
        }
    }

    /// <summary>A stateless network ACL on the db subnet lets the request in but drops the reply.</summary>
    private void ReplyRejectedByNacl()
    {
        var app = Pick(_net.App);
        var db = _net.Db[0];
        var clientPort = Ephemeral();
        var (packets, bytes) = Volume(3, 60, 200);
        Emit(app, FlowDirection.Egress, app.V4, db.V4, clientPort, 5432, Tcp, packets, bytes, 2, FlowAction.Accept, VpcPath(app));
        Emit(db, FlowDirection.Ingress, app.V4, db.V4, clientPort, 5432, Tcp, packets, bytes, 2, FlowAction.Accept);
        Emit(db, FlowDirection.Egress, db.V4, app.V4, 5432, clientPort, Tcp, packets, packets * 60, 18, FlowAction.Reject, VpcPath(db));
    }
}
