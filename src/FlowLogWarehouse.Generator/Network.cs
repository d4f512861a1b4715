using System.Text;

namespace FlowLogWarehouse.Generator;

/// <summary>
/// The synthetic VPC, 10.0.0.0/16 with an IPv6 /56, across three Availability Zones: public subnets (web ENIs, a
/// bastion, a NAT gateway), app subnets (instances and ECS tasks, one on an Outpost) and db subnets (primary, replica,
/// an idle standby). Identifiers derive from the seed only, so every file of one run describes the same network.
/// </summary>
internal sealed class Network
{
    public const string VpcCidr = "10.0.0.0/16";

    private Network(ulong seed)
    {
        Seed = seed;
    }

    public ulong Seed { get; }

    public NetworkInterface[] Web { get; private init; } = [];

    public NetworkInterface Bastion { get; private init; } = null!;

    public NetworkInterface Nat { get; private init; } = null!;

    public NetworkInterface[] App { get; private init; } = [];

    /// <summary>Primary first, then the replica; the standby is in <see cref="Idle"/> only.</summary>
    public NetworkInterface[] Db { get; private init; } = [];

    /// <summary>Interfaces that carry (almost) no traffic and so log NODATA.</summary>
    public NetworkInterface[] Idle { get; private init; } = [];

    public NetworkInterface[] All { get; private init; } = [];

    /// <summary>Internet hosts that sweep ports; a handful, so each one shows many distinct rejected ports.</summary>
    public Address[] Scanners { get; private init; } = [];

    /// <summary>The office the admins SSH in from.</summary>
    public Address AdminOffice { get; private init; }

    public static Network Create(ulong seed, string accountId, string region)
    {
        var rng = new Prng(Prng.Mix(seed, 0x6E6574776F726BUL));
        var azPrefix = AzPrefix(region);
        var azIds = PickAzIds(ref rng, azPrefix);
        var vpcId = Id("vpc-", ref rng);
        var v6Prefix = 0x2600_1f18_0000_0000UL | (ulong)rng.Between(0x1000, 0xFFFF) << 16 | (ulong)rng.Between(1, 0xFF) << 8;

        var usedHosts = new HashSet<uint>();
        Address Host(int subnetOctet)
        {
            while (true)
            {
                var v4 = Address.V4(10, 0, subnetOctet, rng.Between(4, 250));
                if (usedHosts.Add((uint)v4.Low))
                    return v4;
            }
        }
        Address HostV6(int subnet) => Address.V6(v6Prefix | (uint)subnet, rng.Next() | 0x0001_0001_0001_0001UL);

        Utf8Text[] Subnets() => azIds.Select(_ => Id("subnet-", ref rng)).ToArray();
        var publicSubnets = Subnets();
        var appSubnets = Subnets();
        var dbSubnets = Subnets();

        NetworkInterface Eni(Tier tier, int az, Utf8Text[] subnetIds, int subnetBase, bool v6 = false, bool nitro = true,
            bool requesterManaged = false, Utf8Text[]? ecs = null, bool outpost = false, Utf8Text? instanceId = null) => new()
        {
            Tier = tier,
            V4 = Host(subnetBase + az),
            V6 = v6 ? HostV6(subnetBase + az) : Address.None,
            Nitro = nitro,
            InterfaceId = Id("eni-", ref rng),
            VpcId = vpcId,
            SubnetId = subnetIds[az],
            InstanceId = requesterManaged ? Utf8Text.Dash : instanceId ?? Id("i-", ref rng),
            AzId = azIds[az],
            SublocationType = outpost ? new Utf8Text("outpost") : Utf8Text.Dash,
            SublocationId = outpost ? Id("op-", ref rng) : Utf8Text.Dash,
            Ecs = ecs ?? Enumerable.Repeat(Utf8Text.Dash, NetworkInterface.EcsFieldCount).ToArray(),
        };

        var web = Enumerable.Range(0, 6).Select(i => Eni(Tier.Web, i % 3, publicSubnets, 0, v6: true, nitro: i != 5)).ToArray();
        var bastion = Eni(Tier.Bastion, 0, publicSubnets, 0);
        var nat = Eni(Tier.Nat, 0, publicSubnets, 0, requesterManaged: true);

        var cluster = "prod-services";
        var clusterArn = $"arn:aws:ecs:{region}:{accountId}:cluster/{cluster}";
        // Both EC2-launched tasks run on one container instance; its instance ID is what their ENIs report.
        var containerInstanceHost = Id("i-", ref rng);
        var containerInstance = Hex(ref rng, 32);
        Utf8Text[] Task(string service, int revision, bool onEc2, bool sidecar)
        {
            var taskId = Hex(ref rng, 32);
            var containerInstanceId = onEc2 ? containerInstance : null;
            string[] values =
            [
                clusterArn,
                cluster,
                onEc2 ? $"arn:aws:ecs:{region}:{accountId}:container-instance/{cluster}/{containerInstanceId}" : "-",
                containerInstanceId ?? "-",
                Hex(ref rng, 64),
                sidecar ? Hex(ref rng, 64) : "-",
                service,
                $"arn:aws:ecs:{region}:{accountId}:task-definition/{service}:{revision}",
                $"arn:aws:ecs:{region}:{accountId}:task/{cluster}/{taskId}",
                taskId,
            ];
            return values.Select(v => new Utf8Text(v)).ToArray();
        }
        var app = new[]
        {
            Eni(Tier.App, 0, appSubnets, 10),
            Eni(Tier.App, 1, appSubnets, 10),
            Eni(Tier.App, 2, appSubnets, 10, nitro: false),
            Eni(Tier.App, 0, appSubnets, 10, outpost: true),
            Eni(Tier.App, 0, appSubnets, 10, ecs: Task("orders-api", 42, onEc2: true, sidecar: true), instanceId: containerInstanceHost),
            Eni(Tier.App, 0, appSubnets, 10, ecs: Task("orders-api", 42, onEc2: true, sidecar: false), instanceId: containerInstanceHost),
            Eni(Tier.App, 1, appSubnets, 10, ecs: Task("checkout", 7, onEc2: false, sidecar: false), requesterManaged: true),
            Eni(Tier.App, 2, appSubnets, 10, ecs: Task("checkout", 7, onEc2: false, sidecar: false), requesterManaged: true),
        };
        var db = new[] { Eni(Tier.Db, 0, dbSubnets, 20), Eni(Tier.Db, 1, dbSubnets, 20) };
        var standby = Eni(Tier.Db, 2, dbSubnets, 20);

        NetworkInterface[] all = [.. web, bastion, nat, .. app, .. db, standby];
        for (var i = 0; i < all.Length; i++)
            all[i].Index = i;
        var scanners = Enumerable.Range(0, 6).Select(i => Internet.PublicV4(Prng.Mix(seed, 0x5CA7UL + (ulong)i))).ToArray();
        return new Network(seed)
        {
            Web = web,
            Bastion = bastion,
            Nat = nat,
            App = app,
            Db = db,
            Idle = [standby],
            All = all,
            Scanners = scanners,
            AdminOffice = Internet.PublicV4(Prng.Mix(seed, 0xAD314UL)),
        };
    }

    /// <summary>AZ IDs are named after the Region: us-east-1 → use1-az1, ap-northeast-1 → apne1-az4, us-gov-west-1 → usgw1-az1.</summary>
    internal static string AzPrefix(string region)
    {
        var parts = region.ToLowerInvariant().Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || !parts[^1].All(char.IsAsciiDigit))
            return new string(region.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        var prefix = new StringBuilder(parts[0]);
        foreach (var word in parts[1..^1])
            prefix.Append(AbbreviateDirection(word));
        return prefix.Append(parts[^1]).ToString();
    }

    private static string AbbreviateDirection(string word)
    {
        string[] directions = ["north", "south", "east", "west", "central"];
        var result = new StringBuilder();
        var at = 0;
        while (at < word.Length)
        {
            var match = directions.FirstOrDefault(d => string.CompareOrdinal(word, at, d, 0, d.Length) == 0);
            if (match is null)
                return result.Append(word[at]).ToString();
            result.Append(match[0]);
            at += match.Length;
        }
        return result.ToString();
    }

    private static Utf8Text[] PickAzIds(ref Prng rng, string prefix)
    {
        var numbers = new List<int>();
        while (numbers.Count < 3)
        {
            var n = rng.Between(1, 6);
            if (!numbers.Contains(n))
                numbers.Add(n);
        }
        return numbers.Select(n => new Utf8Text($"{prefix}-az{n}")).ToArray();
    }

    /// <summary>AWS resource IDs: a prefix and 17 lower-case hex digits.</summary>
    private static Utf8Text Id(string prefix, ref Prng rng) => new(prefix + Hex(ref rng, 17));

    private static string Hex(ref Prng rng, int digits)
    {
        var chars = new char[digits];
        for (var i = 0; i < digits; i++)
            chars[i] = "0123456789abcdef"[rng.Below(16)];
        return new string(chars);
    }
}
