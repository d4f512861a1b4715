namespace FlowLogWarehouse.TestSupport;

/// <summary>One request the fake EC2 received: its Query API parameters (sorted by name) and how it was answered.</summary>
public sealed record FakeEc2Request(
    string? Action,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string? SignedRegion,
    string? SignedService,
    int Status,
    string? ErrorCode)
{
    /// <summary>The value of a parameter, or null when the request did not carry it.</summary>
    public string? this[string name] => Parameters.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();

    /// <summary>Parameters as name=value lines, as <c>create --dry-run</c> prints them.</summary>
    public IReadOnlyList<string> Lines => Parameters.Select(p => $"{p.Key}={p.Value}").ToList();
}
