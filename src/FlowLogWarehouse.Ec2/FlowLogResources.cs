namespace FlowLogWarehouse.Ec2;

/// <summary>The resources a flow log watches, and EC2's ResourceType for them, told by their ids' prefixes.</summary>
public static class FlowLogResources
{
    private static readonly (string Prefix, string Type)[] Kinds = [("vpc-", "VPC"), ("subnet-", "Subnet"), ("eni-", "NetworkInterface")];

    /// <summary>
    /// EC2's ResourceType for <paramref name="ids"/>: VPC, Subnet or NetworkInterface. One CreateFlowLogs call takes one
    /// type, so ids of two kinds are refused, as are ids of none of them.
    /// </summary>
    public static string TypeOf(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
            throw new FlowLogRequestException("Name the resource to watch: --resource vpc-…, subnet-… or eni-….");
        var types = ids.Select(TypeOf).Distinct().ToList();
        if (types.Count > 1)
            throw new FlowLogRequestException($"The resources {string.Join(", ", ids)} are of different kinds ({string.Join(", ", types)}); one flow log request watches one kind: create one per kind.");
        var duplicate = ids.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new FlowLogRequestException($"The resource {duplicate.Key} is given twice.");
        return types[0];
    }

    /// <summary>VPC, Subnet or NetworkInterface for one id.</summary>
    public static string TypeOf(string id)
    {
        foreach (var (prefix, type) in Kinds)
            if (id.StartsWith(prefix, StringComparison.Ordinal) && IsHex(id.AsSpan(prefix.Length)))
                return type;
        throw new FlowLogRequestException($"'{id}' is not the id of a VPC (vpc-…), a subnet (subnet-…) or a network interface (eni-…).");
    }

    private static bool IsHex(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept("0123456789abcdef");
}
