namespace FlowLogWarehouse.Generator;

internal enum Tier : byte
{
    Web,
    Bastion,
    Nat,
    App,
    Db,
}

/// <summary>One ENI of the synthetic VPC, with every per-interface value already encoded as UTF-8.</summary>
internal sealed class NetworkInterface
{
    public required Tier Tier { get; init; }

    /// <summary>Position in <see cref="Network.All"/>, which is how records refer to their interface.</summary>
    public int Index { get; set; }

    public required Address V4 { get; init; }

    /// <summary><see cref="Address.None"/> when the interface has no IPv6 address.</summary>
    public Address V6 { get; init; }

    /// <summary>Nitro instances report traffic-path 8 (internet gateway) and 7 (gateway endpoint); older ones 2.</summary>
    public bool Nitro { get; init; } = true;

    public required Utf8Text InterfaceId { get; init; }

    public required Utf8Text VpcId { get; init; }

    public required Utf8Text SubnetId { get; init; }

    /// <summary>"-" for requester-managed interfaces (NAT gateway) and Fargate tasks.</summary>
    public required Utf8Text InstanceId { get; init; }

    public required Utf8Text AzId { get; init; }

    public Utf8Text SublocationType { get; init; } = Dash;

    public Utf8Text SublocationId { get; init; } = Dash;

    /// <summary>ECS values indexed by <see cref="EcsField"/>; all "-" unless a task owns the interface.</summary>
    public Utf8Text[] Ecs { get; init; } = NoEcs;

    private static readonly Utf8Text Dash = Utf8Text.Dash;

    private static readonly Utf8Text[] NoEcs = Enumerable.Repeat(Dash, EcsFieldCount).ToArray();

    public const int EcsFieldCount = 10;
}

/// <summary>The ECS values an interface carries; the record writer maps catalog names onto these slots.</summary>
internal enum EcsField : byte
{
    ClusterArn,
    ClusterName,
    ContainerInstanceArn,
    ContainerInstanceId,
    ContainerId,
    SecondContainerId,
    ServiceName,
    TaskDefinitionArn,
    TaskArn,
    TaskId,
}
